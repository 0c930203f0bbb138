package dev.dockerlint.lsp;

import dev.dockerlint.engine.Linter;
import dev.dockerlint.lsp.document.AbandonedLint;
import dev.dockerlint.lsp.document.DocumentModel;
import dev.dockerlint.lsp.document.Documents;
import dev.dockerlint.lsp.document.TextEdits;
import dev.dockerlint.lsp.features.CodeActionProvider;
import dev.dockerlint.lsp.features.CompletionProvider;
import dev.dockerlint.lsp.features.DefinitionProvider;
import dev.dockerlint.lsp.features.DiagnosticsProvider;
import dev.dockerlint.lsp.features.DocumentLinkProvider;
import dev.dockerlint.lsp.features.DocumentSymbolProvider;
import dev.dockerlint.lsp.features.FoldingProvider;
import dev.dockerlint.lsp.features.FormattingProvider;
import dev.dockerlint.lsp.features.HighlightProvider;
import dev.dockerlint.lsp.features.HoverProvider;
import dev.dockerlint.lsp.features.InlayHintProvider;
import dev.dockerlint.lsp.features.Provider;
import dev.dockerlint.lsp.features.ReferencesProvider;
import dev.dockerlint.lsp.features.RenameProvider;
import dev.dockerlint.lsp.features.SemanticTokensProvider;
import dev.dockerlint.lsp.features.Symbols;
import dev.dockerlint.lsp.image.AsyncImageFacts;
import dev.dockerlint.lsp.settings.ProjectConfigs;
import dev.dockerlint.lsp.settings.ServerSettings;
import dev.dockerlint.semantic.BuildOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensDelta;
import org.eclipse.lsp4j.SemanticTokensDeltaParams;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * Text synchronisation and the dispatch of each request to its provider. Notifications only record
 * text and schedule a lint; requests run on the server's request pool. A provider that throws is
 * logged to the client and answers an empty result; a request for a document that is not open
 * answers an InvalidParams error.
 */
public final class DockerlintTextDocumentService implements TextDocumentService {

  /** The code action kind of "fix all safe problems". */
  public static final String FIX_ALL_KIND = CodeActionProvider.FIX_ALL_KIND;

  private final DockerlintLanguageServer server;
  private final Documents documents;
  private final DiagnosticsScheduler scheduler;
  private final WatchedRequestLints requestLints;

  /** Held while a lint is found left running (by the lint thread's watchdog or a request's). */
  private final Object abandoning = new Object();

  private final DiagnosticsProvider diagnostics;
  private final ProjectConfigs configs;
  private volatile long configGeneration;
  private final HoverProvider hover;
  private final CompletionProvider completion = new CompletionProvider();
  private final CodeActionProvider codeActions;
  private final DefinitionProvider definition = new DefinitionProvider();
  private final ReferencesProvider references = new ReferencesProvider();
  private final RenameProvider rename = new RenameProvider();
  private final HighlightProvider highlight = new HighlightProvider();
  private final DocumentSymbolProvider symbols = new DocumentSymbolProvider();
  private final FoldingProvider folding = new FoldingProvider();
  private final SemanticTokensProvider tokens = new SemanticTokensProvider();
  private final FormattingProvider formatting = new FormattingProvider();
  private final DocumentLinkProvider links = new DocumentLinkProvider();
  private final InlayHintProvider inlayHints = new InlayHintProvider();
  private final AtomicBoolean warmUpStarted = new AtomicBoolean();
  private final CompletableFuture<Void> warmedUp = new CompletableFuture<>();

  /** The warm-up's document while it runs (see {@link WarmUp}); requests may name it. */
  private volatile DocumentModel warmingUp;

  DockerlintTextDocumentService(
      DockerlintLanguageServer server,
      Documents documents,
      Linter linter,
      AsyncImageFacts images,
      ProjectConfigs configs,
      Supplier<ScheduledExecutorService> lintThread,
      Duration lintLimit) {
    this.server = server;
    this.documents = documents;
    this.configs = configs;
    this.configGeneration = configs.generation();
    this.diagnostics = new DiagnosticsProvider(linter, images, configs);
    // the lint thread lints the newest version of each document: requests wait for that lint
    this.diagnostics.lintComing(documents::isCurrent);
    this.hover = new HoverProvider(diagnostics, images);
    this.codeActions = new CodeActionProvider(diagnostics);
    this.scheduler =
        new DiagnosticsScheduler(
            documents,
            lintThread,
            this::lintAndPublish,
            lintLimit,
            this::abandoned,
            this::endedLate);
    // a lint a request runs itself is watched as the lint thread's are
    this.requestLints =
        new WatchedRequestLints(
            lintLimit,
            doc -> {
              abandoned(doc);
              scheduler.schedule(doc.uri(), 0); // so that the document shows why
            },
            doc -> {
              endedLate(doc);
              scheduler.schedule(doc.uri(), 0);
            });
    this.diagnostics.requestLints(requestLints);
  }

  /** Completes when the warm-up has run (see {@link #warmUp}). */
  CompletableFuture<Void> warmedUp() {
    return warmedUp;
  }

  /** Stops linting (the server is stopping). */
  void stopLinting() {
    scheduler.stop();
    requestLints.stop();
  }

  /**
   * A lint of {@code doc} ran longer than the limit and was left running: the document's
   * diagnostics say so until it ends (see {@link DiagnosticsProvider}), and the user is told once.
   */
  private void abandoned(DocumentModel doc) {
    AbandonedLint a;
    synchronized (abandoning) {
      if (doc.handedOn(AbandonedLint.class)
          .filter(l -> l.running() && l.version() == doc.version())
          .isPresent()) {
        // a request's lint and the lint thread's waited for the same report: told once
        doc.abandonReport();
        return;
      }
      a = new AbandonedLint(doc.version(), scheduler.limit());
      doc.handOn(a); // before the waiters wake: they answer with it
      doc.abandonReport();
    }
    server.show(
        MessageType.Error,
        "dockerlint: linting "
            + doc.displayPath()
            + " took longer than "
            + a.limit().toSeconds()
            + " s, an internal error; it is left running, and its diagnostics come back when it"
            + " ends. Other files are still linted. Please report it with the file.");
  }

  /** The lint left running for {@code doc} has ended: the document is linted again. */
  private void endedLate(DocumentModel doc) {
    doc.handedOn(AbandonedLint.class).ifPresent(AbandonedLint::ended);
  }

  // ------------------------------------------------------------------ synchronisation

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    var td = params.getTextDocument();
    String text = td.getText() == null ? "" : td.getText();
    DocumentModel doc =
        new DocumentModel(td.getUri(), td.getVersion(), text, server.settings().buildOptions());
    documents.put(doc.withOptions(optionsFor(doc, server.settings())));
    scheduler.schedule(td.getUri(), 0);
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    var current = documents.get(uri);
    if (current.isEmpty()) {
      server.log(MessageType.Warning, "didChange for a document that is not open: " + uri);
      return;
    }
    DocumentModel before = current.get();
    Integer v = params.getTextDocument().getVersion();
    int version = v == null ? before.version() + 1 : v;
    List<TextDocumentContentChangeEvent> changes = params.getContentChanges();
    if (changes != null && changes.size() == 1 && changes.get(0).getRange() != null) {
      documents.put(before.edited(version, TextEdits.change(before.sourceText(), changes.get(0))));
    } else {
      String text = TextEdits.apply(before.text(), changes == null ? List.of() : changes);
      documents.put(before.replaced(version, text));
    }
    scheduler.schedule(uri, server.settings().debounceMillis());
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    documents.remove(uri);
    tokens.forget(uri);
    LanguageClient c = server.client();
    if (c != null) {
      c.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
    }
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    // The text is already known from didChange; saving changes nothing the server sees.
  }

  /** The build a document is linted for: its project configuration under the settings. */
  /** The newest version of an open document. */
  Optional<DocumentModel> document(String uri) {
    return documents.get(uri);
  }

  private BuildOptions optionsFor(DocumentModel doc, ServerSettings settings) {
    return settings.buildOptions(diagnostics.config(doc));
  }

  /** Settings changed: every document is read again with the new build options, then linted. */
  void settingsChanged(ServerSettings settings) {
    for (DocumentModel d : documents.all()) {
      documents.replace(d, d.withOptions(optionsFor(d, settings)));
      scheduler.schedule(d.uri(), 0);
    }
  }

  /** A project configuration file changed on disk: every document is linted again. */
  void configurationFilesChanged() {
    configs.invalidate();
    settingsChanged(server.settings());
  }

  /** New image facts arrived: lint every document again (the facts are cached now). */
  void relintAll() {
    for (DocumentModel d : documents.all()) {
      documents.replace(d, d.withOptions(d.options()));
      scheduler.schedule(d.uri(), 0);
    }
  }

  private void lintAndPublish(DocumentModel doc) {
    if (!documents.isCurrent(doc)) {
      return;
    }
    BuildOptions options = optionsFor(doc, server.settings());
    long generation = configs.generation();
    if (generation != configGeneration) {
      // A configuration file changed on disk since the last lint: other documents may use it too.
      configGeneration = generation;
      settingsChanged(server.settings());
      return;
    }
    if (!options.equals(doc.options())) {
      DocumentModel reread = doc.withOptions(options);
      documents.replace(doc, reread);
      doc = reread;
    }
    List<org.eclipse.lsp4j.Diagnostic> ds;
    try {
      ds = diagnostics.provide(doc, null, server.settings(), () -> {});
    } catch (RuntimeException | StackOverflowError e) {
      logFailure("diagnostics", doc.uri(), e);
      return;
    }
    LanguageClient c = server.client();
    if (c != null && documents.isCurrent(doc)) {
      c.publishDiagnostics(new PublishDiagnosticsParams(doc.uri(), ds, doc.version()));
    }
    if (!Symbols.builtFor(doc)) {
      indexInBackground(doc);
    }
  }

  /**
   * Builds the symbol index of a document's first linted version off the lint thread, once its
   * diagnostics are out: hover, navigation, inlay hints and semantic tokens all read it, and the
   * index of each later version then scans only the stages its edits reached, so the first hover in
   * a long file does not scan the whole file.
   */
  private void indexInBackground(DocumentModel doc) {
    try {
      server
          .requestPool()
          .execute(
              () -> {
                if (!documents.isCurrent(doc) || Symbols.builtFor(doc)) {
                  return;
                }
                try {
                  Symbols.of(doc);
                } catch (RuntimeException | StackOverflowError e) {
                  logFailure("symbol index", doc.uri(), e);
                }
                if (warmUpStarted.compareAndSet(false, true)) {
                  Thread t = new Thread(this::warmUp, "dockerlint-warm-up");
                  t.setDaemon(true);
                  t.start();
                }
              });
    } catch (RejectedExecutionException e) {
      // the server is stopping
    }
  }

  /**
   * Asks each interactive feature about a small built-in Dockerfile (see {@link WarmUp}), once per
   * server, after the first document's diagnostics and index are out: the user's first hover,
   * completion, code action or rename then finds its code loaded and linked, and its types' JSON
   * adapters built. It runs on a thread of its own that hands one request at a time to the request
   * pool, as a client would, so it never holds a pool thread while it waits.
   */
  private void warmUp() {
    long start = System.nanoTime();
    WarmUp w = WarmUp.create();
    DocumentModel d = w.doc();
    warmingUp = d;
    TextDocumentIdentifier id = new TextDocumentIdentifier(d.uri());
    WarmUp.Json json = new WarmUp.Json(server.json());
    try {
      untilNoLintWaits();
      List<org.eclipse.lsp4j.Diagnostic> found =
          diagnostics.provide(d, null, server.settings(), () -> {});
      for (Position p : w.spots()) {
        HoverParams hp = new HoverParams(id, p);
        warmUpRequest(json, "textDocument/hover", hp, () -> hover(hp));
        CompletionParams cp = new CompletionParams(id, p);
        warmUpRequest(json, "textDocument/completion", cp, () -> completion(cp));
        DefinitionParams dp = new DefinitionParams(id, p);
        warmUpRequest(json, "textDocument/definition", dp, () -> definition(dp));
        ReferenceParams rp = new ReferenceParams(id, p, new ReferenceContext(true));
        warmUpRequest(json, "textDocument/references", rp, () -> references(rp));
        DocumentHighlightParams hl = new DocumentHighlightParams(id, p);
        warmUpRequest(json, "textDocument/documentHighlight", hl, () -> documentHighlight(hl));
        PrepareRenameParams pr = new PrepareRenameParams(id, p);
        warmUpRequest(json, "textDocument/prepareRename", pr, () -> prepareRename(pr));
        RenameParams rn = new RenameParams(id, p, "renamed");
        warmUpRequest(json, "textDocument/rename", rn, () -> rename(rn));
        CodeActionParams ca =
            new CodeActionParams(
                id, new org.eclipse.lsp4j.Range(p, p), new CodeActionContext(found));
        warmUpRequest(json, "textDocument/codeAction", ca, () -> codeAction(ca));
      }
      SemanticTokensParams st = new SemanticTokensParams(id);
      warmUpRequest(json, "textDocument/semanticTokens/full", st, () -> semanticTokensFull(st));
      // a keystroke, then a hover on the version it made
      org.eclipse.lsp4j.Range at = new org.eclipse.lsp4j.Range(w.typing(), w.typing());
      DocumentModel typed =
          d.edited(
              2, TextEdits.change(d.sourceText(), new TextDocumentContentChangeEvent(at, "0")));
      warmingUp = typed;
      untilNoLintWaits();
      diagnostics.provide(typed, null, server.settings(), () -> {});
      HoverParams after = new HoverParams(id, w.spots().get(0));
      warmUpRequest(json, "textDocument/hover", after, () -> hover(after));
      String done =
          "dockerlint: warmed up (every feature answered a built-in Dockerfile once) in "
              + (System.nanoTime() - start) / 1_000_000
              + " ms";
      // written by a pool thread: an in-process client's piped stream fails once the last thread
      // that wrote to it has ended, and this one is about to
      onRequestPool(() -> server.log(MessageType.Log, done));
    } catch (RejectedExecutionException e) {
      // the server is stopping
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | StackOverflowError e) {
      onRequestPool(() -> logFailure("warm-up", d.uri(), e));
    } finally {
      warmingUp = null;
      tokens.forget(d.uri());
      warmedUp.complete(null);
    }
  }

  /**
   * One warm-up request, once no lint waits: the user's edits come first (a keystroke right after a
   * file opens would otherwise wait for a core), the warm-up fills the pauses between them.
   */
  private void warmUpRequest(
      WarmUp.Json json, String method, Object params, Supplier<CompletableFuture<?>> request)
      throws InterruptedException {
    untilNoLintWaits();
    json.exchange(method, params, request.get().join());
  }

  /** Waits until no lint runs or waits, for at most a second (a lint may run long). */
  private void untilNoLintWaits() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
    while (!scheduler.idle() && System.nanoTime() < deadline) {
      Thread.sleep(2);
    }
  }

  private void onRequestPool(Runnable r) {
    try {
      server.requestPool().execute(r);
    } catch (RejectedExecutionException e) {
      // the server is stopping
    }
  }

  // ------------------------------------------------------------------ requests

  private <P, R> CompletableFuture<R> run(
      String feature, String uri, P params, Provider<P, R> provider, R empty) {
    return CompletableFutures.computeAsync(
        server.requestPool(),
        cancel -> {
          DocumentModel warm = warmingUp;
          DocumentModel doc =
              (warm != null && warm.uri().equals(uri) ? Optional.of(warm) : documents.get(uri))
                  .orElseThrow(
                      () ->
                          new ResponseErrorException(
                              new ResponseError(
                                  ResponseErrorCode.InvalidParams,
                                  "document is not open: " + uri,
                                  null)));
          // an error response when reading the version runs longer than a lint may
          requestLints.read(doc);
          try {
            return provider.provide(doc, params, server.settings(), cancel);
          } catch (CancellationException e) {
            throw e;
          } catch (RuntimeException | StackOverflowError e) {
            logFailure(feature, uri, e);
            return empty;
          }
        });
  }

  private void logFailure(String feature, String uri, Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    server.log(MessageType.Error, "dockerlint: " + feature + " failed on " + uri + ": " + trace);
  }

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    return run("hover", params.getTextDocument().getUri(), params, hover, null);
  }

  @Override
  public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(
      CompletionParams params) {
    return run(
        "completion",
        params.getTextDocument().getUri(),
        params,
        (d, p, s, c) -> Either.forLeft(completion.provide(d, p, s, c)),
        Either.forLeft(List.of()));
  }

  @Override
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    return run("code actions", params.getTextDocument().getUri(), params, codeActions, List.of());
  }

  @Override
  public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>>
      definition(DefinitionParams params) {
    return run(
        "definition",
        params.getTextDocument().getUri(),
        params,
        (d, p, s, c) -> Either.forLeft(definition.provide(d, p, s, c)),
        Either.forLeft(List.of()));
  }

  @Override
  public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
    return run(
        "references",
        params.getTextDocument().getUri(),
        params,
        (d, p, s, c) -> references.provide(d, p, s, c),
        List.of());
  }

  @Override
  public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
    return run("rename", params.getTextDocument().getUri(), params, rename, null);
  }

  @Override
  public CompletableFuture<
          Either3<org.eclipse.lsp4j.Range, PrepareRenameResult, PrepareRenameDefaultBehavior>>
      prepareRename(PrepareRenameParams params) {
    return run(
        "prepare rename",
        params.getTextDocument().getUri(),
        params,
        (d, p, s, c) ->
            rename
                .prepare(d, p, s, c)
                .<Either3<
                        org.eclipse.lsp4j.Range, PrepareRenameResult, PrepareRenameDefaultBehavior>>
                    map(Either3::forSecond)
                .orElse(null),
        null);
  }

  @Override
  public CompletableFuture<List<? extends DocumentHighlight>> documentHighlight(
      DocumentHighlightParams params) {
    return run(
        "document highlight",
        params.getTextDocument().getUri(),
        params,
        (d, p, s, c) -> highlight.provide(d, p, s, c),
        List.of());
  }

  @Override
  public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(
      DocumentSymbolParams params) {
    return run(
        "document symbols",
        params.getTextDocument().getUri(),
        params,
        (d, p, s, c) ->
            symbols.provide(d, p, s, c).stream()
                .map(x -> Either.<SymbolInformation, DocumentSymbol>forRight(x))
                .toList(),
        List.of());
  }

  @Override
  public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
    return run("folding", params.getTextDocument().getUri(), params, folding, List.of());
  }

  @Override
  public CompletableFuture<SemanticTokens> semanticTokensFull(SemanticTokensParams params) {
    return run(
        "semantic tokens",
        params.getTextDocument().getUri(),
        params,
        tokens,
        new SemanticTokens(List.of()));
  }

  @Override
  public CompletableFuture<Either<SemanticTokens, SemanticTokensDelta>> semanticTokensFullDelta(
      SemanticTokensDeltaParams params) {
    return run(
        "semantic tokens delta",
        params.getTextDocument().getUri(),
        params,
        tokens::delta,
        Either.forLeft(new SemanticTokens(List.of())));
  }

  @Override
  public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
    return run(
        "formatting",
        params.getTextDocument().getUri(),
        params,
        (d, p, s, c) -> formatting.provide(d, p, s, c),
        List.of());
  }

  @Override
  public CompletableFuture<List<? extends TextEdit>> rangeFormatting(
      DocumentRangeFormattingParams params) {
    return run(
        "range formatting",
        params.getTextDocument().getUri(),
        params,
        (d, p, s, c) -> formatting.range(d, p, s, c),
        List.of());
  }

  @Override
  public CompletableFuture<List<DocumentLink>> documentLink(DocumentLinkParams params) {
    return run("document links", params.getTextDocument().getUri(), params, links, List.of());
  }

  @Override
  public CompletableFuture<List<InlayHint>> inlayHint(InlayHintParams params) {
    return run("inlay hints", params.getTextDocument().getUri(), params, inlayHints, List.of());
  }
}
