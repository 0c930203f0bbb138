package dev.dockerlint.lsp;

import dev.dockerlint.lsp.document.DocumentModel;
import dev.dockerlint.lsp.document.Documents;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Lints documents off the JSON-RPC thread, newest version only. An edit records the document as
 * dirty and, unless a run is already queued, queues one (after the configured debounce). Edits that
 * arrive while a lint runs are coalesced: the next run takes the newest version of each dirty
 * document, and a result whose document changed meanwhile is dropped, never published. So 10,000
 * rapid edits cost a handful of lints, and the typing thread never waits.
 *
 * <p>A watchdog looks at the running lint: one that runs longer than the limit (a bug: no known
 * Dockerfile takes a tenth of it) is left running on its thread, which Java cannot stop safely, and
 * the other documents are linted on a new thread. {@code abandoned} is told, so that the document
 * says why it has no diagnostics; {@code endedLate} when that lint ends after all.
 */
final class DiagnosticsScheduler {
  /** How long a lint may run before it is left running and linting goes on without it. */
  static final Duration LIMIT = Duration.ofSeconds(60);

  private final Documents documents;
  private final Supplier<ScheduledExecutorService> newWorker;
  private final Consumer<DocumentModel> lintAndPublish;
  private final Duration limit;
  private final Consumer<DocumentModel> abandoned;
  private final Consumer<DocumentModel> endedLate;
  private final ScheduledExecutorService watchdog;
  private final Map<String, Boolean> dirty = new LinkedHashMap<>();
  private ScheduledExecutorService worker;
  private boolean queued;

  /** The lint running now, or null. */
  private Running running;

  /**
   * The threads whose lint was left running: a run queued on one earlier (a debounced edit) finds
   * nothing to do there once that lint ends, as the new thread took over.
   */
  private final Set<Thread> left = Collections.newSetFromMap(new IdentityHashMap<>());

  private static final class Running {
    final DocumentModel doc;
    final Thread thread = Thread.currentThread();
    final long since = System.nanoTime();
    boolean abandoned;

    Running(DocumentModel doc) {
      this.doc = doc;
    }
  }

  DiagnosticsScheduler(
      Documents documents,
      Supplier<ScheduledExecutorService> newWorker,
      Consumer<DocumentModel> lintAndPublish,
      Duration limit,
      Consumer<DocumentModel> abandoned,
      Consumer<DocumentModel> endedLate) {
    this.documents = documents;
    this.newWorker = newWorker;
    this.lintAndPublish = lintAndPublish;
    this.limit = limit;
    this.abandoned = abandoned;
    this.endedLate = endedLate;
    this.worker = newWorker.get();
    this.watchdog =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "dockerlint-lint-watchdog");
              t.setDaemon(true);
              return t;
            });
    long every = Math.max(10, limit.toMillis() / 4);
    watchdog.scheduleWithFixedDelay(this::watch, every, every, TimeUnit.MILLISECONDS);
  }

  /** Whether no lint runs or waits to run: no edit is waiting for its diagnostics. */
  synchronized boolean idle() {
    return !queued && running == null;
  }

  /** Asks for a lint of the newest version of {@code uri}, {@code delayMillis} from now. */
  void schedule(String uri, int delayMillis) {
    ScheduledExecutorService w;
    synchronized (this) {
      dirty.put(uri, Boolean.TRUE);
      if (queued) {
        return;
      }
      queued = true;
      w = worker;
    }
    try {
      if (delayMillis <= 0) {
        w.execute(this::run);
      } else {
        w.schedule(this::run, delayMillis, TimeUnit.MILLISECONDS);
      }
    } catch (RejectedExecutionException e) {
      synchronized (this) {
        queued = false;
      }
    }
  }

  private void run() {
    while (true) {
      Running r;
      synchronized (this) {
        if (left.contains(Thread.currentThread())) {
          return;
        }
        if (dirty.isEmpty()) {
          queued = false;
          return;
        }
        String uri = dirty.keySet().iterator().next();
        dirty.remove(uri);
        DocumentModel doc = documents.get(uri).orElse(null);
        if (doc == null) {
          continue;
        }
        r = new Running(doc);
        running = r;
      }
      try {
        lintAndPublish.accept(r.doc);
      } catch (RuntimeException | StackOverflowError e) {
        // the other documents are still linted
        System.err.println("dockerlint: linting " + r.doc.uri() + " failed: " + e);
      } finally {
        boolean late;
        synchronized (this) {
          late = r.abandoned;
          if (!late) {
            running = null;
          }
        }
        if (late) {
          // this thread was left to it: another one lints now; the document gets linted again
          endedLate.accept(r.doc);
          schedule(r.doc.uri(), 0);
          return;
        }
      }
    }
  }

  /** Leaves a lint that ran longer than the limit, and goes on on a new thread. */
  private void watch() {
    Running r;
    synchronized (this) {
      r = running;
      if (r == null || System.nanoTime() - r.since < limit.toNanos()) {
        return;
      }
      r.abandoned = true;
      left.add(r.thread);
      running = null;
      worker.shutdown(); // the thread ends once the lint does, if ever
      worker = newWorker.get();
      queued = false;
    }
    abandoned.accept(r.doc);
    // on the new thread: the document, which now says why, and those edited meanwhile
    schedule(r.doc.uri(), 0);
  }

  Duration limit() {
    return limit;
  }

  /** Stops the lint thread and the watchdog (a lint left running goes on until it ends). */
  void stop() {
    ScheduledExecutorService w;
    synchronized (this) {
      w = worker;
    }
    watchdog.shutdownNow();
    w.shutdownNow();
    try {
      w.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
