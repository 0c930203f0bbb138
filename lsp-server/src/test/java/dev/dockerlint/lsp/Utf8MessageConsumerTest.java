package dev.dockerlint.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.junit.jupiter.api.Test;

/** The language server's message writer writes the very bytes lsp4j's own one writes. */
class Utf8MessageConsumerTest {

  private static MessageJsonHandler json() {
    LspLauncher.AnswersParseErrors launcher = new LspLauncher.AnswersParseErrors();
    launcher.setLocalService(new DockerlintLanguageServer());
    launcher.setRemoteInterface(DockerlintLanguageClient.class);
    return launcher.createJsonHandler();
  }

  private static Message diagnostics(int count, String text) {
    List<Diagnostic> ds = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      ds.add(
          new Diagnostic(
              new Range(new Position(k, 0), new Position(k, 4)),
              text + " " + k,
              DiagnosticSeverity.Warning,
              "dockerlint",
              "DKL" + k));
    }
    NotificationMessage m = new NotificationMessage();
    m.setJsonrpc("2.0");
    m.setMethod("textDocument/publishDiagnostics");
    m.setParams(new PublishDiagnosticsParams("file:///w/Dockerfile", ds, 7));
    return m;
  }

  private static Message response(Object result) {
    ResponseMessage r = new ResponseMessage();
    r.setJsonrpc("2.0");
    r.setId(3);
    r.setResult(result);
    return r;
  }

  @Test
  void writesWhatLsp4jWritesForEveryKindOfText() {
    MessageJsonHandler json = json();
    List<Message> messages =
        List.of(
            diagnostics(3, "plain ASCII \"quoted\" \\ back\tslash"),
            diagnostics(2, "é ü ß, → ≠ ∞, 中文, a whale 🐳 and 🐋"),
            diagnostics(
                1, "a lone high \uD83D then text, a lone low \uDC33, a high at the end \uD83D"),
            response("\uD83D"),
            response("ends with a pair 🐳"),
            diagnostics(20_000, "big enough that the buffer is not kept 🐳 é"),
            diagnostics(2, "after the big one, with → again"));
    ByteArrayOutputStream lsp4j = new ByteArrayOutputStream();
    ByteArrayOutputStream ours = new ByteArrayOutputStream();
    StreamMessageConsumer theirs = new StreamMessageConsumer(lsp4j, json);
    Utf8MessageConsumer mine = new Utf8MessageConsumer(ours, json);
    for (Message m : messages) {
      theirs.consume(m);
      mine.consume(m);
    }
    assertThat(ours.size()).isGreaterThan(Utf8MessageConsumer.MAX_KEPT);
    assertThat(ours.toByteArray()).isEqualTo(lsp4j.toByteArray());
  }

  @Test
  void aBufferThatGrewTooLargeIsNotKept() {
    Utf8MessageConsumer.Utf8Buffer b = new Utf8MessageConsumer.Utf8Buffer();
    String big = "x".repeat(Utf8MessageConsumer.MAX_KEPT + 1);
    b.write(big, 0, big.length());
    assertThat(b.size()).isEqualTo(big.length());
    b.release();
    b.reset();
    assertThat(b.bytes().length).isLessThan(Utf8MessageConsumer.MAX_KEPT);
    b.write("é", 0, 1);
    assertThat(b.size()).isEqualTo(2);
  }
}
