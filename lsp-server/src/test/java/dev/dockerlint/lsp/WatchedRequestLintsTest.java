package dev.dockerlint.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockerlint.engine.Report;
import dev.dockerlint.lsp.document.AbandonedLint;
import dev.dockerlint.lsp.document.DocumentModel;
import dev.dockerlint.semantic.BuildOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A lint a request runs itself: answered, failed as on the request's thread, or left in time. */
class WatchedRequestLintsTest {
  private final DocumentModel doc =
      new DocumentModel("file:///a/Dockerfile", 1, "FROM alpine\n", BuildOptions.defaults());
  private final BlockingQueue<String> told = new LinkedBlockingQueue<>();
  private final WatchedRequestLints lints =
      new WatchedRequestLints(
          Duration.ofMillis(300), d -> told.add("left " + d.uri()), d -> told.add("ended"));

  private Report report() {
    return new Report("Dockerfile", doc.file(), doc.model(), List.of());
  }

  @Test
  void aLintThatEndsInTimeGivesItsReportOnAnotherThread() {
    Thread[] ranOn = new Thread[1];
    Report r =
        lints.run(
            doc,
            () -> {
              ranOn[0] = Thread.currentThread();
              return report();
            });
    assertThat(r.path()).isEqualTo("Dockerfile");
    assertThat(ranOn[0]).isNotSameAs(Thread.currentThread());
    assertThat(ranOn[0].getName()).isEqualTo("dockerlint-request-lint");
    assertThat(told).isEmpty();
  }

  @Test
  void aLintThatFailsFailsTheRequestWithItsOwnException() {
    assertThatThrownBy(
            () ->
                lints.run(
                    doc,
                    () -> {
                      throw new IllegalStateException("a bug in a rule");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a bug in a rule");
    assertThat(told).isEmpty();
  }

  @Test
  void aLintThatRunsTooLongIsLeftAndSaysWhenItEnds() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                lints.run(
                    doc,
                    () -> {
                      try {
                        release.await();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      return report();
                    }))
        .isInstanceOf(AbandonedLint.Abandoned.class);
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(300).toNanos());
    assertThat(told.poll(5, TimeUnit.SECONDS)).isEqualTo("left file:///a/Dockerfile");
    assertThat(told.poll(100, TimeUnit.MILLISECONDS)).isNull();
    release.countDown();
    assertThat(told.poll(5, TimeUnit.SECONDS)).isEqualTo("ended");
  }
}
