package dev.dockerlint.lsp.document;

import dev.dockerlint.engine.Report;
import dev.dockerlint.rules.LintMemo;
import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.syntax.Dockerfile;
import dev.dockerlint.syntax.DockerfileReader;
import dev.dockerlint.syntax.SourceText;
import dev.dockerlint.util.Derived;
import dev.dockerlint.util.Futures;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * One version of an open document: its text, and, computed at most once and only when a provider
 * asks, its syntax tree, semantic model and lint report. Immutable apart from those memos, so
 * providers on any thread can read it while the next version is being typed.
 */
public final class DocumentModel {
  private final String uri;
  private final int version;
  private final String text;
  private final BuildOptions options;
  private final LintMemo memo;
  private final ConcurrentMap<Class<?>, Object> handedOn;
  private volatile SemanticModel model;
  private volatile Precursor precursor;

  /** The version this one was edited from, while this one is not parsed yet. */
  private record Precursor(DocumentModel previous, IncrementalParse.Change change) {}

  private final AtomicReference<CompletableFuture<Report>> report = new AtomicReference<>();

  /** Whether a thread lints this version (or did). */
  private final AtomicBoolean linting = new AtomicBoolean();

  private final Derived derived = new Derived();

  public DocumentModel(String uri, int version, String text, BuildOptions options) {
    this(uri, version, text, options, LintMemo.create(), new ConcurrentHashMap<>());
  }

  private DocumentModel(
      String uri,
      int version,
      String text,
      BuildOptions options,
      LintMemo memo,
      ConcurrentMap<Class<?>, Object> handedOn) {
    this.uri = uri;
    this.version = version;
    this.text = text;
    this.options = options;
    this.memo = memo;
    this.handedOn = handedOn;
  }

  /**
   * The next version after one text change of this one. The new one is parsed incrementally (see
   * {@link IncrementalParse}) when it gets parsed: from this version when it is parsed, else from
   * the parsed version this one was edited from, with both changes taken as one (edits that arrive
   * while a lint runs are linted together, and their versions in between are never parsed).
   */
  public DocumentModel edited(int newVersion, IncrementalParse.Change change) {
    String newText =
        new StringBuilder(text.length() + change.inserted().length())
            .append(text, 0, change.start())
            .append(change.inserted())
            .append(text, change.end(), text.length())
            .toString();
    DocumentModel next = new DocumentModel(uri, newVersion, newText, options, memo, handedOn);
    Precursor p = precursor;
    if (model != null) {
      next.precursor = new Precursor(this, change);
    } else if (p != null) {
      next.precursor = new Precursor(p.previous(), p.change().then(change, newText));
    }
    return next;
  }

  /** The next version with {@code newText}, parsed from scratch, sharing this one's memo. */
  public DocumentModel replaced(int newVersion, String newText) {
    return new DocumentModel(uri, newVersion, newText, options, memo, handedOn);
  }

  /** The source text with its line index, without parsing when not parsed yet. */
  public SourceText sourceText() {
    SemanticModel m = model;
    return m != null ? m.file().source() : new SourceText(text);
  }

  /** A document with its text only (tests and one-off analyses). */
  public static DocumentModel of(String text) {
    return new DocumentModel("file:///work/Dockerfile", 1, text, BuildOptions.defaults());
  }

  public String uri() {
    return uri;
  }

  public int version() {
    return version;
  }

  public String text() {
    return text;
  }

  public BuildOptions options() {
    return options;
  }

  /** This document with other build options (after a settings change), text unchanged. */
  public DocumentModel withOptions(BuildOptions o) {
    return new DocumentModel(uri, version, text, o, memo, handedOn);
  }

  /** What the lints of this document's versions share (see {@link LintMemo}). */
  public LintMemo memo() {
    return memo;
  }

  /** Whether this version is read: parsed, its semantic model built. */
  public boolean isRead() {
    return model != null;
  }

  /** The semantic model (parsed on first use). */
  public SemanticModel model() {
    SemanticModel m = model;
    if (m == null) {
      synchronized (this) {
        m = model;
        if (m == null) {
          SemanticModel before = null;
          IncrementalParse.Parsed parsed = null;
          Precursor p = precursor;
          if (p != null && p.previous().model != null) {
            before = p.previous().model;
            parsed = IncrementalParse.parse(before.file(), text, p.change()).orElse(null);
          }
          if (parsed == null) {
            Dockerfile file = DockerfileReader.parse(text);
            m =
                before == null
                    ? SemanticModel.of(file, options)
                    : SemanticModel.of(file, options, before);
          } else {
            m = SemanticModel.of(parsed.file(), options, before, parsed.shift());
          }
          model = m;
          precursor = null;
        }
      }
    }
    return m;
  }

  public Dockerfile file() {
    return model().file();
  }

  public SourceText source() {
    return file().source();
  }

  /**
   * The lint report, computed by {@code lint} the first time it is asked for. A thread that asks
   * while another computes it waits for that one's, as it would only compute the same, unless the
   * lint is left running ({@link #abandonReport}): then it gets {@link AbandonedLint.Abandoned}.
   */
  public Report report(Function<DocumentModel, Report> lint) {
    CompletableFuture<Report> f = pending();
    if (!linting.compareAndSet(false, true)) {
      return Futures.join(f);
    }
    Report r;
    try {
      r = lint.apply(this);
    } catch (RuntimeException | Error e) {
      // the next one to ask lints again
      report.compareAndSet(f, null);
      linting.set(false);
      f.completeExceptionally(e);
      throw e;
    }
    if (!f.complete(r)) {
      // left running, it ended after all: its report holds for this version
      report.compareAndSet(f, CompletableFuture.completedFuture(r));
    }
    return r;
  }

  /**
   * The report as another thread lints it (the language server's lint thread, which a watchdog
   * watches): while {@code coming} says a lint of this version is on its way and none has started,
   * this waits for it, up to {@code wait}; then, or when none comes, it is {@link #report}. So a
   * request that asks first does not lint the version itself, where a lint that never ends would
   * keep its thread and its answer for ever.
   */
  public Report reportLintedElsewhere(
      Function<DocumentModel, Report> lint, BooleanSupplier coming, Duration wait) {
    CompletableFuture<Report> f = pending();
    long deadline = System.nanoTime() + wait.toNanos();
    while (!linting.get() && !f.isDone() && System.nanoTime() < deadline && coming.getAsBoolean()) {
      try {
        f.get(10, TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException e) {
        // not yet, or failed: report() tells
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return report(lint);
  }

  /** The future of this version's report, made by the first to ask. */
  private CompletableFuture<Report> pending() {
    CompletableFuture<Report> f = report.get();
    while (f == null) {
      report.compareAndSet(null, new CompletableFuture<>());
      f = report.get();
    }
    return f;
  }

  /**
   * The lint computing this version's report was left running: threads waiting for it get {@link
   * AbandonedLint.Abandoned} instead, and so do later ones until it ends.
   */
  public void abandonReport() {
    CompletableFuture<Report> f = report.get();
    if (f != null) {
      f.completeExceptionally(new AbandonedLint.Abandoned());
    }
  }

  /**
   * A value derived from this version (a symbol index, semantic tokens), computed once and shared
   * by the providers that need it.
   */
  public <T> T derived(Class<T> type, Function<DocumentModel, T> compute) {
    return type.cast(derived.get(type, () -> compute.apply(this)));
  }

  /**
   * What a provider handed on from the versions of this document it worked on, for the next ones
   * (the parts of a symbol index that an edit leaves as they were, say): the latest value of {@code
   * type} handed on by any version. It may come from an older or a newer version than this one, so
   * whoever reads it checks what it still holds for this version (by the identity of the stages it
   * was built from, say).
   */
  public <T> Optional<T> handedOn(Class<T> type) {
    return Optional.ofNullable(type.cast(handedOn.get(type)));
  }

  /** Hands {@code value} on to later versions (see {@link #handedOn}), replacing the last one. */
  public void handOn(Object value) {
    handedOn.put(value.getClass(), value);
  }

  /** The file's path for {@code file:} URIs. */
  public Optional<Path> path() {
    try {
      URI u = new URI(uri);
      if ("file".equalsIgnoreCase(u.getScheme())) {
        return Optional.of(Path.of(u));
      }
    } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** The name shown in reports: the file name, or the URI. */
  public String displayPath() {
    return path().map(Path::toString).orElse(uri);
  }
}
