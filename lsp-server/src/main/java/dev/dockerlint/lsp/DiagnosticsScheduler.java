package dev.dockerlint.lsp;

import dev.dockerlint.lsp.document.DocumentModel;
import dev.dockerlint.lsp.document.Documents;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Lints documents off the JSON-RPC thread, newest version only. An edit records the document as
 * dirty and, unless a run is already queued, queues one (after the configured debounce). Edits that
 * arrive while a lint runs are coalesced: the next run takes the newest version of each dirty
 * document, and a result whose document changed meanwhile is dropped, never published. So 10,000
 * rapid edits cost a handful of lints, and the typing thread never waits.
 */
final class DiagnosticsScheduler {
  private final Documents documents;
  private final ScheduledExecutorService worker;
  private final Consumer<DocumentModel> lintAndPublish;
  private final Map<String, Boolean> dirty = new LinkedHashMap<>();
  private boolean queued;

  DiagnosticsScheduler(
      Documents documents,
      ScheduledExecutorService worker,
      Consumer<DocumentModel> lintAndPublish) {
    this.documents = documents;
    this.worker = worker;
    this.lintAndPublish = lintAndPublish;
  }

  /** Asks for a lint of the newest version of {@code uri}, {@code delayMillis} from now. */
  void schedule(String uri, int delayMillis) {
    synchronized (this) {
      dirty.put(uri, Boolean.TRUE);
      if (queued) {
        return;
      }
      queued = true;
    }
    try {
      if (delayMillis <= 0) {
        worker.execute(this::run);
      } else {
        worker.schedule(this::run, delayMillis, TimeUnit.MILLISECONDS);
      }
    } catch (java.util.concurrent.RejectedExecutionException e) {
      synchronized (this) {
        queued = false;
      }
    }
  }

  private void run() {
    while (true) {
      String uri;
      synchronized (this) {
        if (dirty.isEmpty()) {
          queued = false;
          return;
        }
        uri = dirty.keySet().iterator().next();
        dirty.remove(uri);
      }
      documents.get(uri).ifPresent(lintAndPublish);
    }
  }
}
