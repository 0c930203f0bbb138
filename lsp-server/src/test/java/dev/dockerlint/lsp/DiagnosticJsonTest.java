package dev.dockerlint.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.dockerlint.engine.Linter;
import dev.dockerlint.lsp.features.DiagnosticsProvider;
import dev.dockerlint.semantic.BuildOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DiagnosticTag;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.junit.jupiter.api.Test;

/**
 * The server writes diagnostics byte for byte as lsp4j's own Gson set-up does, and reads them too.
 */
class DiagnosticJsonTest {

  private static final MessageJsonHandler LSP4J =
      new MessageJsonHandler(ServiceEndpoints.getSupportedMethods(DockerlintLanguageClient.class));

  /** The server's handler: it reads requests and writes notifications. */
  private static final MessageJsonHandler OURS = serversHandler();

  private static MessageJsonHandler serversHandler() {
    LspLauncher.AnswersParseErrors b = new LspLauncher.AnswersParseErrors();
    b.setLocalService(new DockerlintLanguageServer());
    b.setRemoteInterface(DockerlintLanguageClient.class);
    return b.createJsonHandler();
  }

  private static Message publish(List<Diagnostic> ds) {
    NotificationMessage m = new NotificationMessage();
    m.setJsonrpc("2.0");
    m.setMethod("textDocument/publishDiagnostics");
    m.setParams(new PublishDiagnosticsParams("file:///w/Dockerfile", ds, 7));
    return m;
  }

  private static Range range(int a, int b, int c, int d) {
    return new Range(new Position(a, b), new Position(c, d));
  }

  @Test
  void everyFieldIsWrittenAsLsp4jWritesIt() {
    Diagnostic full =
        new Diagnostic(
            range(1, 2, 3, 4),
            "quotes \" and \\ back, <html> & 'single' = \u00e9\u4e2d \ud83d\ude00\n\ttab",
            DiagnosticSeverity.Warning,
            "dockerlint",
            "DKL1001");
    full.setCodeDescription(new DiagnosticCodeDescription("https://example.com/rules/a?b=c&d"));
    full.setTags(List.of(DiagnosticTag.Unnecessary, DiagnosticTag.Deprecated));
    full.setRelatedInformation(
        List.of(
            new DiagnosticRelatedInformation(
                new Location("file:///w/Dockerfile", range(0, 0, 0, 4)), "here"),
            new DiagnosticRelatedInformation()));
    JsonObject data = new JsonObject();
    data.addProperty("fix", 2);
    full.setData(data);
    Diagnostic minimal = new Diagnostic();
    minimal.setRange(range(0, 0, 0, 0));
    minimal.setMessage("only a message");
    Diagnostic numeric = new Diagnostic(range(9, 9, 9, 9), "numeric code");
    numeric.setCode(Either.forRight(42));
    numeric.setSeverity(DiagnosticSeverity.Hint);
    numeric.setTags(List.of());
    numeric.setRelatedInformation(List.of());

    Message m = publish(List.of(full, minimal, numeric, new Diagnostic()));
    String json = OURS.serialize(m);
    assertThat(json).isEqualTo(LSP4J.serialize(m)).contains("\"tags\":[1,2]", "\"code\":42");
  }

  @Test
  void theDiagnosticsOfRealFilesAreWrittenAsLsp4jWritesThem() throws IOException {
    List<Path> files = Corpus.files().subList(0, 600);
    Linter linter = Linter.builtIn();
    int diagnostics = 0;
    for (Path p : files) {
      List<Diagnostic> ds = new ArrayList<>();
      for (dev.dockerlint.rules.Diagnostic d :
          linter
              .lint(
                  p.toString(),
                  Files.readString(p, StandardCharsets.UTF_8),
                  BuildOptions.defaults(),
                  Optional.empty())
              .diagnostics()) {
        ds.add(DiagnosticsProvider.toLsp(p.toUri().toString(), d));
      }
      diagnostics += ds.size();
      Message m = publish(ds);
      assertThat(OURS.serialize(m)).as(p.toString()).isEqualTo(LSP4J.serialize(m));
      // again, from the JSON kept for these very objects
      assertThat(OURS.serialize(m)).as(p.toString()).isEqualTo(LSP4J.serialize(m));
    }
    assertThat(diagnostics).isGreaterThan(1000);
  }

  @Test
  void diagnosticsAreReadAsLsp4jReadsThem() {
    String request =
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"textDocument/codeAction\",\"params\":{"
            + "\"textDocument\":{\"uri\":\"file:///w/Dockerfile\"},"
            + "\"range\":{\"start\":{\"line\":1,\"character\":0},\"end\":{\"line\":1,\"character\":3}},"
            + "\"context\":{\"diagnostics\":[{\"range\":{\"start\":{\"line\":1,\"character\":0},"
            + "\"end\":{\"line\":1,\"character\":3}},\"severity\":2,\"code\":\"DKL1001\","
            + "\"source\":\"dockerlint\",\"message\":\"m\",\"tags\":[2],"
            + "\"data\":{\"fix\":1}}]}}}";
    MessageJsonHandler plain =
        new MessageJsonHandler(
            ServiceEndpoints.getSupportedMethods(DockerlintLanguageServer.class));
    assertThat(OURS.serialize(OURS.parseMessage(request)))
        .isEqualTo(plain.serialize(plain.parseMessage(request)))
        .contains("\"tags\":[2]");
  }

  @Test
  void aDiagnosticPublishedAgainIsWrittenFromItsKeptJson() {
    Diagnostic d = new Diagnostic(range(1, 0, 1, 4), "first", DiagnosticSeverity.Warning, "x");
    String first = OURS.serialize(publish(List.of(d)));
    d.setMessage("changed"); // the server never does this: the kept JSON is written again
    assertThat(OURS.serialize(publish(List.of(d)))).isEqualTo(first).contains("first");
    Diagnostic other =
        new Diagnostic(range(1, 0, 1, 4), "changed", DiagnosticSeverity.Warning, "x");
    assertThat(OURS.serialize(publish(List.of(other)))).contains("changed");
  }

  @Test
  void theKeptJsonIsForgottenWhenFull() {
    DiagnosticJson.Written w = new DiagnosticJson.Written();
    for (int k = 0; k < DiagnosticJson.Written.MAX; k++) {
      w.keep(new Diagnostic(), true, "{}");
    }
    assertThat(w.size()).isEqualTo(DiagnosticJson.Written.MAX);
    Diagnostic last = new Diagnostic();
    w.keep(last, true, "{\"k\":1}");
    assertThat(w.size()).isEqualTo(1);
    assertThat(w.get(last, true)).isEqualTo("{\"k\":1}");
    assertThat(w.get(last, false)).isNull();
  }
}
