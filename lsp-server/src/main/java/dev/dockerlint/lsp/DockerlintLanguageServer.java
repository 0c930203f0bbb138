package dev.dockerlint.lsp;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.dockerlint.engine.Linter;
import dev.dockerlint.image.ImageMetadataSource;
import dev.dockerlint.lsp.document.Documents;
import dev.dockerlint.lsp.features.SemanticTokensProvider;
import dev.dockerlint.lsp.image.AsyncImageFacts;
import dev.dockerlint.lsp.settings.ProjectConfigs;
import dev.dockerlint.lsp.settings.ServerSettings;
import dev.dockerlint.lsp.settings.SettingsLayer;
import dev.dockerlint.lsp.settings.SettingsParser;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.DocumentLinkOptions;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.RenameOptions;
import org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The dockerlint language server: lifecycle, settings and the threads. The features live in {@link
 * DockerlintTextDocumentService}; this class holds what they share.
 *
 * <p>Threads: lsp4j reads messages on one thread and runs notifications (didOpen, didChange) on it,
 * so those only record the new text. Requests run on a small request pool, lints on one lint thread
 * (see {@link DiagnosticsScheduler}), image look-ups on their own pool, so none of them blocks
 * typing.
 */
public final class DockerlintLanguageServer implements LanguageServer, LanguageClientAware {

  private final Documents documents = new Documents();
  private final ExecutorService requests = Executors.newFixedThreadPool(2, daemon("request"));
  private final ThreadFactory lintThreads = daemon("lint");
  private final ExecutorService imageThreads = Executors.newFixedThreadPool(2, daemon("image"));

  /**
   * Threads that help the lint thread run the rules of one lint, one fewer than the cores: the
   * findings of a keystroke come sooner. Idle between lints.
   */
  private static final int RULE_HELPERS =
      Math.max(0, Runtime.getRuntime().availableProcessors() - 1);

  private final ExecutorService ruleHelpers =
      Executors.newFixedThreadPool(Math.max(1, RULE_HELPERS), daemon("rules"));
  private final CompletableFuture<Integer> exited = new CompletableFuture<>();
  private final DockerlintTextDocumentService textDocuments;
  private final DockerlintWorkspaceService workspace;
  private final AsyncImageFacts images;
  private volatile LanguageClient client;
  private volatile MessageJsonHandler json;
  private volatile List<SettingsLayer> baseLayers = List.of();
  private volatile SettingsLayer clientLayer = SettingsLayer.empty();
  private volatile ServerSettings settings = ServerSettings.DEFAULTS;
  private volatile boolean shutdown;
  private volatile boolean imageLookupsWanted;
  private volatile boolean watchedFilesRegistrable;
  private final Object imageLookupsLock = new Object();

  /** A server whose image facts come from {@code imageSource} (asked off the typing thread). */
  public DockerlintLanguageServer(ImageMetadataSource imageSource) {
    this(Linter.builtIn(), imageSource);
  }

  /** A server running {@code linter}'s rules. */
  public DockerlintLanguageServer(Linter linter, ImageMetadataSource imageSource) {
    this(linter, imageSource, DiagnosticsScheduler.LIMIT);
  }

  /** A server that leaves a lint running longer than {@code lintLimit} (tests: a short one). */
  DockerlintLanguageServer(Linter linter, ImageMetadataSource imageSource, Duration lintLimit) {
    this.images =
        new AsyncImageFacts(
            imageSource, imageThreads, key -> imageFactsArrived(), this::imageLookupsChanged);
    ProjectConfigs configs =
        new ProjectConfigs(System.getenv(), message -> show(MessageType.Warning, message));
    this.textDocuments =
        new DockerlintTextDocumentService(
            this,
            documents,
            linter.withRuleThreads(ruleHelpers, RULE_HELPERS),
            images,
            configs,
            () -> Executors.newSingleThreadScheduledExecutor(lintThreads),
            lintLimit);
    this.workspace = new DockerlintWorkspaceService(this, documents, linter.registry());
  }

  /** A server without image facts. */
  public DockerlintLanguageServer() {
    this(ImageMetadataSource.none("no image source configured"));
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "dockerlint-" + name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void connect(LanguageClient client) {
    this.client = client;
  }

  LanguageClient client() {
    return client;
  }

  /**
   * The JSON handler of the connection: the warm-up sends its requests and answers through it (see
   * {@link DockerlintTextDocumentService}), so that the user's first request does not build its
   * types' JSON adapters.
   */
  void useJson(MessageJsonHandler handler) {
    this.json = handler;
  }

  Optional<MessageJsonHandler> json() {
    return Optional.ofNullable(json);
  }

  ExecutorService requestPool() {
    return requests;
  }

  ServerSettings settings() {
    return settings;
  }

  /**
   * Layers below the client's settings (a future {@code .dockerlint.yaml}); the client's settings
   * still win.
   */
  public void setBaseLayers(List<SettingsLayer> layers) {
    baseLayers = List.copyOf(layers);
    recomputeSettings();
  }

  /** Completes with the process exit code once the client said {@code exit}. */
  public CompletableFuture<Integer> exited() {
    return exited;
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    applyClientSettings(params.getInitializationOptions());
    watchedFilesRegistrable =
        params.getCapabilities() != null
            && params.getCapabilities().getWorkspace() != null
            && params.getCapabilities().getWorkspace().getDidChangeWatchedFiles() != null
            && Boolean.TRUE.equals(
                params
                    .getCapabilities()
                    .getWorkspace()
                    .getDidChangeWatchedFiles()
                    .getDynamicRegistration());
    imageLookupsWanted =
        params.getCapabilities() != null
            && params.getCapabilities().getExperimental() instanceof JsonObject x
            && x.get(DockerlintLanguageClient.IMAGE_LOOKUPS_CAPABILITY) instanceof JsonPrimitive p
            && p.isBoolean()
            && p.getAsBoolean();
    ServerCapabilities c = new ServerCapabilities();
    c.setTextDocumentSync(TextDocumentSyncKind.Incremental);
    c.setHoverProvider(true);
    CompletionOptions completion = new CompletionOptions(false, List.of("$", "{", "-", "=", ","));
    c.setCompletionProvider(completion);
    c.setDefinitionProvider(true);
    c.setReferencesProvider(true);
    c.setDocumentHighlightProvider(true);
    c.setRenameProvider(new RenameOptions(true));
    c.setDocumentSymbolProvider(true);
    c.setWorkspaceSymbolProvider(true);
    c.setFoldingRangeProvider(true);
    c.setDocumentFormattingProvider(true);
    c.setDocumentRangeFormattingProvider(true);
    c.setDocumentLinkProvider(new DocumentLinkOptions(false));
    c.setInlayHintProvider(true);
    c.setExecuteCommandProvider(
        new ExecuteCommandOptions(List.of(DockerlintWorkspaceService.EXPLAIN_COMMAND)));
    c.setCodeActionProvider(
        new CodeActionOptions(
            List.of(
                CodeActionKind.QuickFix,
                DockerlintTextDocumentService.FIX_ALL_KIND,
                CodeActionKind.Source)));
    SemanticTokensWithRegistrationOptions tokens =
        new SemanticTokensWithRegistrationOptions(SemanticTokensProvider.LEGEND);
    tokens.setFull(new org.eclipse.lsp4j.SemanticTokensServerFull(true));
    tokens.setRange(false);
    c.setSemanticTokensProvider(tokens);
    return CompletableFuture.completedFuture(
        new InitializeResult(c, new ServerInfo("dockerlint", EarlyInitialize.version())));
  }

  /**
   * Asks a client that can for notifications when project configuration files change, so that an
   * edited {@code .dockerlint.yaml} applies at once (without it, within a few seconds of the next
   * edit).
   */
  @Override
  public void initialized(InitializedParams params) {
    LanguageClient c = client;
    if (!watchedFilesRegistrable || c == null) {
      return;
    }
    List<FileSystemWatcher> watchers =
        List.of(
            new FileSystemWatcher(Either.forLeft("**/.dockerlint.{yaml,yml}")),
            new FileSystemWatcher(Either.forLeft("**/.hadolint.{yaml,yml}")));
    c.registerCapability(
            new RegistrationParams(
                List.of(
                    new Registration(
                        "dockerlint-configuration-files",
                        "workspace/didChangeWatchedFiles",
                        new DidChangeWatchedFilesRegistrationOptions(watchers)))))
        .exceptionally(
            e -> {
              log(
                  MessageType.Info,
                  "dockerlint: the client did not watch configuration files: " + e);
              return null;
            });
  }

  /** Reads settings sent by the client (initializationOptions or didChangeConfiguration). */
  void applyClientSettings(Object json) {
    SettingsParser.Result r = SettingsParser.parse(json);
    for (String w : r.warnings()) {
      LanguageClient c = client;
      if (c != null) {
        c.showMessage(new MessageParams(MessageType.Warning, "dockerlint: " + w));
      }
    }
    clientLayer = r.layer();
    recomputeSettings();
  }

  private void recomputeSettings() {
    List<SettingsLayer> layers = new java.util.ArrayList<>(baseLayers);
    layers.add(clientLayer);
    ServerSettings before = settings;
    settings = ServerSettings.of(layers);
    if (!settings.equals(before)) {
      textDocuments.settingsChanged(settings);
    }
  }

  /**
   * Tells a client that asked for it which image look-ups are in progress. The state is read under
   * the lock, so the last notification sent is the current state even when threads race.
   */
  private void imageLookupsChanged() {
    if (!imageLookupsWanted || !(client instanceof DockerlintLanguageClient c)) {
      return;
    }
    synchronized (imageLookupsLock) {
      List<String> now =
          images.inFlight().stream()
              .map(k -> k.ref() + " " + k.platform())
              .distinct()
              .sorted()
              .toList();
      c.imageLookups(new DockerlintLanguageClient.ImageLookups(now));
    }
  }

  private void imageFactsArrived() {
    textDocuments.relintAll();
  }

  /** Shows a message to the user (once per call). */
  void show(MessageType type, String message) {
    LanguageClient c = client;
    if (c != null) {
      c.showMessage(new MessageParams(type, message));
    }
  }

  /** Project configuration files changed on disk. */
  void configurationFilesChanged() {
    textDocuments.configurationFilesChanged();
  }

  /** Logs to the client (its output panel), never to stdout, which carries the protocol. */
  void log(MessageType type, String message) {
    LanguageClient c = client;
    if (c != null) {
      c.logMessage(new MessageParams(type, message));
    }
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    shutdown = true;
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
    stopThreads();
    exited.complete(shutdown ? 0 : 1);
  }

  /** Stops the worker threads (the client went away or said exit). */
  public void stopThreads() {
    requests.shutdownNow();
    imageThreads.shutdownNow();
    ruleHelpers.shutdownNow();
    textDocuments.stopLinting();
  }

  @Override
  public DockerlintTextDocumentService getTextDocumentService() {
    return textDocuments;
  }

  @Override
  public DockerlintWorkspaceService getWorkspaceService() {
    return workspace;
  }

  @Override
  public void setTrace(org.eclipse.lsp4j.SetTraceParams params) {
    // Tracing is the client's business; the server logs through window/logMessage regardless.
  }

  /** Whether {@code shutdown} was received. */
  boolean isShutdown() {
    return shutdown;
  }
}
