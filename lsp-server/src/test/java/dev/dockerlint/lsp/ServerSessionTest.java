package dev.dockerlint.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import dev.dockerlint.engine.Linter;
import dev.dockerlint.image.ImageConfig;
import dev.dockerlint.image.ImageInfo;
import dev.dockerlint.image.ImageMetadataSource;
import dev.dockerlint.image.Lookup;
import dev.dockerlint.lsp.document.DocumentModel;
import dev.dockerlint.lsp.features.Symbols;
import dev.dockerlint.registry.RuleRegistry;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.parity.MaintainerDeprecated;
import dev.dockerlint.semantic.Base;
import dev.dockerlint.semantic.Platform;
import dev.dockerlint.semantic.Stage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server over piped streams, as a client sees it: the lsp4j client talks JSON-RPC to it. */
class ServerSessionTest {
  private static final String URI = "file:///work/Dockerfile";

  /** Reports FROM images whose facts say they do not offer the stage's platform. */
  @RuleInfo(
      code = "DKL9002",
      name = "test-platform-missing",
      severity = Severity.ERROR,
      summary = "t")
  static final class PlatformMissing implements Rule {
    @Override
    public void check(RuleContext ctx) {
      for (Stage s : ctx.model().stages()) {
        if (s.base() instanceof Base.ImageBase img
            && img.ref().isPresent()
            && s.platform().isPresent()) {
          Lookup l = ctx.input().images().lookup(img.ref().get(), s.platform().get(), false);
          if (l instanceof Lookup.Found f
              && !f.image().availablePlatforms().contains(s.platform().get())) {
            ctx.report(s.from().range(), "image offers " + f.image().availablePlatforms());
          }
        }
      }
    }
  }

  /** Never ends on a file holding "HANG" (as a bug would) until the test releases it. */
  @RuleInfo(code = "DKL9003", name = "test-hangs", severity = Severity.ERROR, summary = "t")
  static final class Hangs implements Rule {
    static volatile boolean released;
    static volatile boolean entered;

    @Override
    public void check(RuleContext ctx) {
      while (!released && ctx.model().file().source().text().contains("HANG")) {
        entered = true;
        LockSupport.parkNanos(1_000_000); // deaf to interrupts, as a loop in a bug would be
      }
    }
  }

  static final class Client implements DockerlintLanguageClient {
    final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
    final BlockingQueue<MessageParams> shown = new LinkedBlockingQueue<>();
    final BlockingQueue<List<String>> imageLookups = new LinkedBlockingQueue<>();
    final BlockingQueue<MessageParams> logged = new LinkedBlockingQueue<>();

    @Override
    public void imageLookups(ImageLookups lookups) {
      imageLookups.add(lookups.images());
    }

    @Override
    public void telemetryEvent(Object object) {}

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams d) {
      diagnostics.add(d);
    }

    @Override
    public void showMessage(MessageParams m) {
      shown.add(m);
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams r) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams m) {
      logged.add(m);
    }

    PublishDiagnosticsParams next() throws InterruptedException {
      PublishDiagnosticsParams p = diagnostics.poll(20, TimeUnit.SECONDS);
      assertThat(p).as("publishDiagnostics within 20 s").isNotNull();
      return p;
    }
  }

  private final CountDownLatch releaseImages = new CountDownLatch(1);
  private final Client client = new Client();
  private DockerlintLanguageServer server;
  private LanguageServer remote;

  private void start(ImageMetadataSource images) throws Exception {
    start(images, "{}");
  }

  private void start(ImageMetadataSource images, String experimentalCapabilities) throws Exception {
    start(
        new DockerlintLanguageServer(
            new Linter(
                new RuleRegistry(List.of(new MaintainerDeprecated(), new PlatformMissing()))),
            images),
        experimentalCapabilities);
  }

  private void start(DockerlintLanguageServer s, String experimentalCapabilities) throws Exception {
    server = s;
    // operating-system pipes, as a real client's stdio: a piped stream in Java fails its reader
    // once
    // the last thread that wrote to it has ended, and the server writes from threads that end (a
    // lint thread the watchdog left, once its lint ends)
    Pipe toServer = Pipe.open();
    Pipe toClient = Pipe.open();
    InputStream serverIn = Channels.newInputStream(toServer.source());
    OutputStream clientOut = Channels.newOutputStream(toServer.sink());
    InputStream clientIn = Channels.newInputStream(toClient.source());
    OutputStream serverOut = Channels.newOutputStream(toClient.sink());
    Launcher<DockerlintLanguageClient> launcher =
        new Launcher.Builder<DockerlintLanguageClient>()
            .setLocalService(server)
            .setRemoteInterface(DockerlintLanguageClient.class)
            .setInput(serverIn)
            .setOutput(serverOut)
            .create();
    server.connect(launcher.getRemoteProxy());
    launcher.startListening();
    Launcher<LanguageServer> c = LSPLauncher.createClientLauncher(client, clientIn, clientOut);
    c.startListening();
    remote = c.getRemoteProxy();
    InitializeParams init = new InitializeParams();
    ClientCapabilities capabilities = new ClientCapabilities();
    capabilities.setExperimental(JsonParser.parseString(experimentalCapabilities));
    init.setCapabilities(capabilities);
    init.setInitializationOptions(
        JsonParser.parseString("{\"dockerlint\":{\"platform\":\"linux/arm64\"}}"));
    remote.initialize(init).get(20, TimeUnit.SECONDS);
    remote.initialized(new InitializedParams());
  }

  @AfterEach
  void stop() throws IOException {
    releaseImages.countDown();
    if (server != null) {
      server.stopThreads();
    }
  }

  private void open(String text) {
    remote
        .getTextDocumentService()
        .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "dockerfile", 1, text)));
  }

  /** Hovers the test's document at a line and column (0-based). */
  private CompletableFuture<Hover> hover(int line, int column) {
    return remote
        .getTextDocumentService()
        .hover(
            new HoverParams(
                new TextDocumentIdentifier(URI), new org.eclipse.lsp4j.Position(line, column)));
  }

  private static List<String> codes(PublishDiagnosticsParams p) {
    return p.getDiagnostics().stream().map(d -> d.getCode().getLeft()).toList();
  }

  @Test
  void openAndIncrementalEditsPublishDiagnosticsOfTheNewestVersion() throws Exception {
    start(ImageMetadataSource.none("test"));
    open("FROM alpine\nRUN true\n");
    assertThat(client.next().getDiagnostics()).isEmpty();
    remote
        .getTextDocumentService()
        .didChange(
            new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(URI, 2),
                List.of(
                    new TextDocumentContentChangeEvent(
                        new Range(new Position(1, 0), new Position(1, 3)), "MAINTAINER"))));
    PublishDiagnosticsParams p = client.next();
    assertThat(p.getVersion()).isEqualTo(2);
    assertThat(codes(p)).containsExactly("DKL4000");
  }

  /** A server with {@link Hangs}, whose watchdog leaves a lint after {@code limit}. */
  private void startWithAHangingRule(Duration limit) throws Exception {
    Hangs.released = false;
    Hangs.entered = false;
    start(
        new DockerlintLanguageServer(
            new Linter(new RuleRegistry(List.of(new MaintainerDeprecated(), new Hangs()))),
            ImageMetadataSource.none("test"),
            limit),
        "{}");
  }

  @Test
  void aLintThatNeverEndsIsLeftRunningAndTheOtherFilesAreStillLinted() throws Exception {
    startWithAHangingRule(Duration.ofMillis(300));
    String other = "file:///work/other/Dockerfile";
    try {
      open("FROM alpine\n# HANG\nMAINTAINER me\n");
      while (!Hangs.entered) {
        Thread.sleep(5);
      }
      // asked while the lint runs: it waits for that lint, and is answered once it is left
      CompletableFuture<Hover> during = hover(0, 0);
      PublishDiagnosticsParams stuck = client.next();
      assertThat(stuck.getUri()).isEqualTo(URI);
      assertThat(codes(stuck)).containsExactly("DKL0000");
      assertThat(stuck.getDiagnostics().get(0).getMessage())
          .contains("took longer than 0 s and was left running");
      assertThat(client.shown.poll(20, TimeUnit.SECONDS).getMessage())
          .contains("linting", "took longer than", "Other files are still linted");

      remote
          .getTextDocumentService()
          .didOpen(
              new DidOpenTextDocumentParams(
                  new TextDocumentItem(other, "dockerfile", 1, "FROM alpine\nMAINTAINER me\n")));
      PublishDiagnosticsParams next = client.next();
      assertThat(next.getUri()).isEqualTo(other);
      assertThat(codes(next)).containsExactly("DKL4000");
      // a request that reads the stuck document's findings answers at once
      Hover h = hover(0, 0).get(20, TimeUnit.SECONDS);
      assertThat(h.getContents().getRight().getValue()).contains("DKL0000");
      assertThat(during.get(20, TimeUnit.SECONDS).getContents().getRight().getValue())
          .contains("DKL0000");
    } finally {
      Hangs.released = true;
    }
    // once it ends, the document is linted again
    PublishDiagnosticsParams after = client.next();
    assertThat(after.getUri()).isEqualTo(URI);
    assertThat(codes(after)).containsExactly("DKL4000");
  }

  /**
   * Gets the lint thread stuck on another document, then opens {@link #URI}, whose lint never ends
   * either (until {@link Hangs#released}), and hovers it at once.
   */
  private CompletableFuture<Hover> hoverWhileTheLintThreadIsStuckOnAnotherDocument()
      throws Exception {
    stickTheLintThreadOnAnotherDocument();
    open("FROM alpine\n# HANG\nMAINTAINER me\n");
    return hover(0, 0);
  }

  /** Opens another document whose lint never ends (until released) and waits until it runs. */
  private void stickTheLintThreadOnAnotherDocument() throws Exception {
    remote
        .getTextDocumentService()
        .didOpen(
            new DidOpenTextDocumentParams(
                new TextDocumentItem(
                    "file:///work/other/Dockerfile", "dockerfile", 1, "FROM alpine\n# HANG\n")));
    while (!Hangs.entered) {
      Thread.sleep(5);
    }
  }

  @Test
  void aRequestThatAsksBeforeTheLintThreadDoesNotLintOnItsOwnThread() throws Exception {
    startWithAHangingRule(Duration.ofMillis(200));
    try {
      // the lint thread is stuck on another document when this one is opened and hovered at once
      CompletableFuture<Hover> first = hoverWhileTheLintThreadIsStuckOnAnotherDocument();
      // it waits for the lint thread, whose lint of it the watchdog leaves in turn: answered, with
      // the internal error, instead of linting on the request's thread for ever
      assertThat(first.get(20, TimeUnit.SECONDS).getContents().getRight().getValue())
          .contains("DKL0000");
    } finally {
      Hangs.released = true;
    }
  }

  @Test
  void aLintThatARequestRunsItselfIsWatchedToo() throws Exception {
    startWithAHangingRule(Duration.ofSeconds(2));
    try {
      // the lint thread is stuck on another document for longer than a request waits for it
      CompletableFuture<Hover> first = hoverWhileTheLintThreadIsStuckOnAnotherDocument();
      // after half a second it lints the version itself, which never ends either: it is left
      // after the limit, and the hover is answered with the internal error
      assertThat(first.get(20, TimeUnit.SECONDS).getContents().getRight().getValue())
          .contains("DKL0000");
      assertThat(client.shown.poll(20, TimeUnit.SECONDS).getMessage())
          .contains("linting", "took longer than");
    } finally {
      Hangs.released = true;
    }
    // once the lints left running end, the document is linted again
    PublishDiagnosticsParams after = client.next();
    while (!after.getUri().equals(URI) || !codes(after).equals(List.of("DKL4000"))) {
      after = client.next();
    }
    assertThat(codes(after)).containsExactly("DKL4000");
  }

  @Test
  void aRequestWhoseReadOfTheVersionRunsLongerThanALintMayIsAnsweredWithAnError() throws Exception {
    startWithAHangingRule(Duration.ofSeconds(1));
    try {
      // the lint thread is stuck on another document: nothing but requests reads this one
      stickTheLintThreadOnAnotherDocument();
      open("FROM alpine:3.20\nMAINTAINER me\n");
      DocumentModel doc = null;
      while (doc == null) {
        doc = server.getTextDocumentService().document(URI).orElse(null);
        Thread.sleep(5);
      }
      // a read that does not end: this thread holds the lock that reading the version takes
      synchronized (doc) {
        assertThatThrownBy(() -> hover(0, 0).get(20, TimeUnit.SECONDS))
            .hasCauseInstanceOf(ResponseErrorException.class)
            .hasMessageContaining("internal error: reading version 1")
            .hasMessageContaining("took longer than 1 s");
        // a later request for the version gets the error at once, while the read goes on
        long asked = System.nanoTime();
        assertThatThrownBy(() -> hover(1, 0).get(20, TimeUnit.SECONDS))
            .hasCauseInstanceOf(ResponseErrorException.class);
        assertThat(System.nanoTime() - asked).isLessThan(TimeUnit.MILLISECONDS.toNanos(900));
      }
    } finally {
      Hangs.released = true;
    }
    // once the read ends, requests are answered again
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    Hover answered = null;
    while (answered == null && System.nanoTime() < deadline) {
      try {
        answered = hover(1, 0).get(20, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        assertThat(e).hasCauseInstanceOf(ResponseErrorException.class);
        Thread.sleep(50);
      }
    }
    assertThat(answered).isNotNull();
    assertThat(answered.getContents().getRight().getValue()).contains("DKL4000");
  }

  @Test
  void theSymbolIndexOfAnOpenedDocumentIsBuiltOnceItsDiagnosticsAreOut() throws Exception {
    start(ImageMetadataSource.none("test"));
    open("ARG V=1\nFROM alpine:$V AS base\nENV X=$V\nFROM base\nRUN echo $X\n");
    client.next();
    DocumentModel doc = server.getTextDocumentService().document(URI).orElseThrow();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!Symbols.builtFor(doc) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    // no request asked for it
    assertThat(Symbols.builtFor(doc)).isTrue();
  }

  @Test
  void theWarmUpRunsOnceItsFirstDocumentIsLintedAndNothingOfItReachesTheClient() throws Exception {
    start(ImageMetadataSource.none("test"));
    DockerlintTextDocumentService service = server.getTextDocumentService();
    open("FROM alpine AS base\nMAINTAINER me\n");
    assertThat(codes(client.next())).containsExactly("DKL4000");
    service.warmedUp().get(20, TimeUnit.SECONDS);
    // every feature answered its document without failing, and nothing was published for it
    assertThat(client.logged)
        .extracting(MessageParams::getMessage)
        .noneMatch(m -> m.contains("failed"));
    assertThat(client.diagnostics).isEmpty();
    assertThat(
            remote
                .getWorkspaceService()
                .symbol(new WorkspaceSymbolParams(""))
                .get(20, TimeUnit.SECONDS)
                .getRight())
        .extracting(s -> s.getLocation().getLeft().getUri())
        .containsOnly(URI);
    // the server goes on with its own documents
    Hover h = hover(1, 0).get(20, TimeUnit.SECONDS);
    assertThat(h.getContents().getRight().getValue()).contains("DKL4000");
  }

  @Test
  void imageFactsNeverBlockAndTheirDiagnosticsFollow() throws Exception {
    ImageMetadataSource slow =
        (ref, platform, withFiles) -> {
          try {
            releaseImages.await(20, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return new Lookup.Found(
              new ImageInfo(
                  ref,
                  Optional.empty(),
                  Platform.LINUX_AMD64,
                  List.of(Platform.LINUX_AMD64),
                  ImageConfig.empty(),
                  Optional.empty()));
        };
    start(slow);
    open("FROM alpine\nMAINTAINER me\n");
    assertThat(codes(client.next())).containsExactly("DKL4000");
    releaseImages.countDown();
    assertThat(codes(client.next())).containsExactly("DKL9002", "DKL4000");
  }

  @Test
  void settingsChangesRelintOpenDocuments() throws Exception {
    start(ImageMetadataSource.none("test"));
    open("FROM alpine\nMAINTAINER me\n");
    assertThat(codes(client.next())).containsExactly("DKL4000");
    remote
        .getWorkspaceService()
        .didChangeConfiguration(
            new DidChangeConfigurationParams(
                JsonParser.parseString("{\"dockerlint\":{\"ignore\":[\"DKL4000\"]}}")));
    assertThat(client.next().getDiagnostics()).isEmpty();
  }

  @Test
  void theProjectConfigurationAppliesAndAnEditToItAppliesOnceWatched(@TempDir Path dir)
      throws Exception {
    Path yaml = dir.resolve(".dockerlint.yaml");
    Files.writeString(yaml, "ignore: [maintainer-deprecated]\n");
    Path sub = Files.createDirectories(dir.resolve("app"));
    String uri = sub.resolve("Dockerfile").toUri().toString();
    start(ImageMetadataSource.none("test"));
    remote
        .getTextDocumentService()
        .didOpen(
            new DidOpenTextDocumentParams(
                new TextDocumentItem(uri, "dockerfile", 1, "FROM alpine\nMAINTAINER me\n")));
    assertThat(client.next().getDiagnostics()).isEmpty();
    Files.writeString(yaml, "severity:\n  DL4000: error\n");
    remote
        .getWorkspaceService()
        .didChangeWatchedFiles(
            new DidChangeWatchedFilesParams(
                List.of(new FileEvent(yaml.toUri().toString(), FileChangeType.Changed))));
    PublishDiagnosticsParams p = client.next();
    assertThat(codes(p)).containsExactly("DKL4000");
    assertThat(p.getDiagnostics().get(0).getSeverity()).isEqualTo(DiagnosticSeverity.Error);
  }

  @Test
  void aMalformedProjectConfigurationIsShownAndLintingGoesOn(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(".dockerlint.yaml"), "ignore: [unclosed\n");
    String uri = dir.resolve("Dockerfile").toUri().toString();
    start(ImageMetadataSource.none("test"));
    remote
        .getTextDocumentService()
        .didOpen(
            new DidOpenTextDocumentParams(
                new TextDocumentItem(uri, "dockerfile", 1, "FROM alpine\nMAINTAINER me\n")));
    assertThat(codes(client.next())).containsExactly("DKL4000");
    MessageParams m = client.shown.poll(20, TimeUnit.SECONDS);
    assertThat(m).isNotNull();
    assertThat(m.getType()).isEqualTo(MessageType.Warning);
    assertThat(m.getMessage()).contains(".dockerlint.yaml").contains("not applied");
  }

  @Test
  void theProjectConfigurationsBuildArgumentsApplyUnderTheSettings(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve(".dockerlint.yaml"), "build-args:\n  BASE: alpine\n");
    String uri = dir.resolve("Dockerfile").toUri().toString();
    ImageMetadataSource amd64Only =
        (ref, platform, withFiles) ->
            new Lookup.Found(
                new ImageInfo(
                    ref,
                    Optional.empty(),
                    Platform.LINUX_AMD64,
                    List.of(Platform.LINUX_AMD64),
                    ImageConfig.empty(),
                    Optional.empty()));
    start(amd64Only);
    remote
        .getTextDocumentService()
        .didOpen(
            new DidOpenTextDocumentParams(
                new TextDocumentItem(uri, "dockerfile", 1, "ARG BASE\nFROM $BASE\nRUN true\n")));
    // The configuration's build argument names the image; the settings' platform (linux/arm64)
    // is not one it offers.
    List<String> found = codes(client.next());
    if (found.isEmpty()) {
      found = codes(client.next());
    }
    assertThat(found).containsExactly("DKL9002");
  }

  @Test
  void badSettingIsAWarningNamingTheKey() throws Exception {
    start(ImageMetadataSource.none("test"));
    remote
        .getWorkspaceService()
        .didChangeConfiguration(
            new DidChangeConfigurationParams(
                JsonParser.parseString("{\"dockerlint\":{\"platform\":42}}")));
    MessageParams m = client.shown.poll(20, TimeUnit.SECONDS);
    assertThat(m).isNotNull();
    assertThat(m.getMessage()).contains("dockerlint.platform");
  }

  @Test
  void requestForAnUnopenedDocumentIsAnErrorAndTheServerGoesOn() throws Exception {
    start(ImageMetadataSource.none("test"));
    assertThatThrownBy(
            () ->
                remote
                    .getTextDocumentService()
                    .hover(
                        new HoverParams(
                            new TextDocumentIdentifier("file:///nope"), new Position(0, 0)))
                    .get(20, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(ResponseErrorException.class)
        .hasMessageContaining("not open");
    open("FROM alpine\nMAINTAINER me\n");
    assertThat(codes(client.next())).containsExactly("DKL4000");
  }

  @Test
  void shutdownThenExitEndsWithCodeZero() throws Exception {
    start(ImageMetadataSource.none("test"));
    remote.shutdown().get(20, TimeUnit.SECONDS);
    remote.exit();
    assertThat(server.exited().get(20, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void imageLookupsInProgressAreNotifiedToAClientThatAsked() throws Exception {
    ImageMetadataSource slow =
        (ref, platform, withFiles) -> {
          try {
            releaseImages.await(20, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return new Lookup.Unavailable("test");
        };
    start(slow, "{\"dockerlintImageLookups\": true}");
    open("FROM alpine:3.20\n");
    assertThat(client.imageLookups.poll(20, TimeUnit.SECONDS))
        .containsExactly("alpine:3.20 linux/arm64");
    releaseImages.countDown();
    List<String> last;
    do {
      last = client.imageLookups.poll(20, TimeUnit.SECONDS);
      assertThat(last).as("an image lookups notification within 20 s").isNotNull();
    } while (!last.isEmpty());
  }

  @Test
  void imageLookupsAreNotNotifiedUnlessAsked() throws Exception {
    start(
        (ref, platform, withFiles) -> new Lookup.Unavailable("test"),
        "{\"dockerlintImageLookups\": false}");
    open("FROM alpine:3.20\nMAINTAINER me\n");
    assertThat(codes(client.next())).containsExactly("DKL4000");
    assertThat(client.imageLookups).isEmpty();
  }

  @Test
  void explainAnswersTheRulePageAsMarkdown() throws Exception {
    start(ImageMetadataSource.none("test"));
    Object page =
        remote
            .getWorkspaceService()
            .executeCommand(
                new ExecuteCommandParams(
                    DockerlintWorkspaceService.EXPLAIN_COMMAND, List.of("maintainer-deprecated")))
            .get(20, TimeUnit.SECONDS);
    assertThat(page.toString()).contains("DKL4000").contains("| Aliases | DL4000");
  }

  @Test
  void explainOfAnUnknownRuleIsAnError() throws Exception {
    start(ImageMetadataSource.none("test"));
    assertThatThrownBy(
            () ->
                remote
                    .getWorkspaceService()
                    .executeCommand(
                        new ExecuteCommandParams(
                            DockerlintWorkspaceService.EXPLAIN_COMMAND, List.of("DKL9999")))
                    .get(20, TimeUnit.SECONDS))
        .hasCauseInstanceOf(ResponseErrorException.class)
        .hasMessageContaining("unknown rule 'DKL9999'");
  }
}
