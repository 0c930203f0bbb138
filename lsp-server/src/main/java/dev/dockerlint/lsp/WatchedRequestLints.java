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
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * The lints that requests run themselves ({@link DiagnosticsProvider.RequestLints}), and their
 * reads of a version ({@link #read}), watched as the lint thread's lints are ({@link
 * DiagnosticsScheduler}): each runs on a thread of its own while the request waits, up to the same
 * limit. One that runs longer (a bug) is left running there, as Java cannot stop a thread safely.
 * For a lint, the request, and whoever waits for the same report, gets {@link
 * AbandonedLint.Abandoned} (answered with the internal error) and {@code left} is told; when that
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

  /** A read of one version on a watched thread, shared by the requests that wait for it. */
  private record Read(CompletableFuture<Void> done, long since) {}

  /**
   * Reads {@code doc} (parses it and builds its semantic model, which every feature reads) unless
   * it is read already, on a watched thread: the request waits up to the limit from when that read
   * started, then is answered with an internal error, and so is every later request for the version
   * until the read ends. A read that fails is left to the request, which reads again and reports
   * the failure as it would have.
   */
  void read(DocumentModel doc) {
    if (doc.isRead()) {
      return;
    }
    Read r =
        doc.derived(
            Read.class,
            d -> new Read(CompletableFuture.runAsync(d::model, threads), System.nanoTime()));
    long left = r.since() + limit.toNanos() - System.nanoTime();
    try {
      r.done().get(Math.max(0, left), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new ResponseErrorException(
          new ResponseError(
              ResponseErrorCode.InternalError,
              "internal error: reading version "
                  + doc.version()
                  + " of "
                  + doc.displayPath()
                  + " took longer than "
                  + limit.toSeconds()
                  + " s; it is left running, and requests are answered again once it ends."
                  + " Please report it with the file.",
              null));
    } catch (ExecutionException e) {
      // failed: the request reads again and reports it
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting for a read");
    }
  }

  /** Ends the idle threads; a lint left running goes on until it ends. */
  void stop() {
    threads.shutdown();
  }
}
