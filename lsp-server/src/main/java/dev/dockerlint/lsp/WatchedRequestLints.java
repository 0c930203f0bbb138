package dev.dockerlint.lsp;

import dev.dockerlint.engine.Report;
import dev.dockerlint.lsp.document.AbandonedLint;
import dev.dockerlint.lsp.document.DocumentModel;
import dev.dockerlint.lsp.features.DiagnosticsProvider;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The lints that requests run themselves ({@link DiagnosticsProvider.RequestLints}), watched as the
 * lint thread's are ({@link DiagnosticsScheduler}): each runs on a thread of its own while the
 * request waits, up to the same limit. One that runs longer (a bug) is left running there, as Java
 * cannot stop a thread safely; the request, and whoever waits for the same report, gets {@link
 * AbandonedLint.Abandoned} (answered with the internal error) and {@code left} is told. When that
 * lint ends at last, {@code endedLate} is.
 */
final class WatchedRequestLints implements DiagnosticsProvider.RequestLints {
  private final Duration limit;
  private final Consumer<DocumentModel> left;
  private final Consumer<DocumentModel> endedLate;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "dockerlint-request-lint");
            t.setDaemon(true);
            return t;
          });

  WatchedRequestLints(
      Duration limit, Consumer<DocumentModel> left, Consumer<DocumentModel> endedLate) {
    this.limit = limit;
    this.left = left;
    this.endedLate = endedLate;
  }

  @Override
  public Report run(DocumentModel doc, Supplier<Report> lint) {
    CompletableFuture<Report> f = CompletableFuture.supplyAsync(lint, threads);
    try {
      return f.get(limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      left.accept(doc);
      f.whenComplete((r, x) -> endedLate.accept(doc));
      throw new AbandonedLint.Abandoned();
    } catch (ExecutionException e) {
      // the lint failed: as if it had failed on this thread
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting for a lint");
    }
  }

  /** Ends the idle threads; a lint left running goes on until it ends. */
  void stop() {
    threads.shutdown();
  }
}
