package dev.dockerlint.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.lsp.document.DocumentModel;
import dev.dockerlint.lsp.document.Documents;
import dev.dockerlint.semantic.BuildOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The lint thread goes on with the other documents whatever one document's lint does. */
class DiagnosticsSchedulerTest {

  private static DocumentModel doc(String uri) {
    return new DocumentModel(uri, 1, "FROM alpine\n", BuildOptions.defaults());
  }

  @Test
  void aLintThatThrowsLeavesTheOtherDocumentsLinted() throws Exception {
    Documents documents = new Documents();
    documents.put(doc("file:///a/Dockerfile"));
    documents.put(doc("file:///b/Dockerfile"));
    BlockingQueue<String> linted = new LinkedBlockingQueue<>();
    DiagnosticsScheduler scheduler =
        new DiagnosticsScheduler(
            documents,
            Executors::newSingleThreadScheduledExecutor,
            d -> {
              linted.add(d.uri());
              if (d.uri().contains("/a/")) {
                throw new IllegalStateException("a bug in a lint");
              }
            },
            Duration.ofSeconds(60),
            d -> {},
            d -> {});
    try {
      scheduler.schedule("file:///a/Dockerfile", 0);
      scheduler.schedule("file:///b/Dockerfile", 0);
      assertThat(List.of(linted.poll(20, TimeUnit.SECONDS), linted.poll(20, TimeUnit.SECONDS)))
          .containsExactly("file:///a/Dockerfile", "file:///b/Dockerfile");
      scheduler.schedule("file:///b/Dockerfile", 0);
      assertThat(linted.poll(20, TimeUnit.SECONDS)).isEqualTo("file:///b/Dockerfile");
    } finally {
      scheduler.stop();
    }
  }
}
