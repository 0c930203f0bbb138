package dev.dockerlint.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.dockerlint.image.ImageMetadataSource;
import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.syntax.Dockerfile;
import dev.dockerlint.syntax.DockerfileReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LintInputSharedTest {

  private static LintInput input() {
    Dockerfile f = DockerfileReader.parse("FROM alpine\nRUN true\n");
    return new LintInput(
        "Dockerfile",
        f,
        SemanticModel.of(f, BuildOptions.defaults()),
        Optional.empty(),
        ImageMetadataSource.none("test"));
  }

  /** A value type of its own, as shared values are keyed by their class. */
  private record Derived(int computation) {}

  private record Other(Derived from) {}

  @Test
  void threadsAskingWhileTheFirstComputesGetItsValueComputedOnce() throws Exception {
    LintInput in = input();
    AtomicInteger computations = new AtomicInteger();
    CountDownLatch computing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CompletableFuture<Derived> first =
          CompletableFuture.supplyAsync(
              () ->
                  in.shared(
                      Derived.class,
                      () -> {
                        computing.countDown();
                        await(release);
                        return new Derived(computations.incrementAndGet());
                      }),
              pool);
      assertThat(computing.await(10, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<Derived> second =
          CompletableFuture.supplyAsync(
              () ->
                  in.shared(Derived.class, () -> new Derived(computations.incrementAndGet() + 100)),
              pool);
      Thread.sleep(50);
      assertThat(second).isNotDone();
      release.countDown();
      assertThat(second.get(10, TimeUnit.SECONDS)).isSameAs(first.get(10, TimeUnit.SECONDS));
      assertThat(computations).hasValue(1);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void aComputationThatThrowsIsTriedAgainByTheNextAsker() {
    LintInput in = input();
    assertThatThrownBy(
            () ->
                in.shared(
                    Derived.class,
                    () -> {
                      throw new IllegalStateException("broken");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("broken");
    assertThat(in.shared(Derived.class, () -> new Derived(2))).isEqualTo(new Derived(2));
    assertThat(in.shared(Derived.class, () -> new Derived(3))).isEqualTo(new Derived(2));
  }

  @Test
  void computingOneValueMayAskForAnother() {
    LintInput in = input();
    Other o =
        in.shared(Other.class, () -> new Other(in.shared(Derived.class, () -> new Derived(7))));
    assertThat(o.from()).isSameAs(in.shared(Derived.class, () -> new Derived(8)));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private record First(int n) {}

  private record Second(int n) {}

  @Test
  void aValueThatNeedsItselfThrowsInsteadOfWaitingForever() {
    LintInput in = input();
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () ->
            assertThatThrownBy(
                    () ->
                        in.shared(
                            First.class,
                            () -> new First(in.shared(First.class, () -> new First(1)).n())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("First is needed to compute itself"));
  }

  /** First needs Second and Second needs First, each computed on its own thread. */
  @Test
  void valuesThatNeedEachOtherOnTwoThreadsThrowInsteadOfWaitingForever() throws Exception {
    LintInput in = input();
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch secondStarted = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CompletableFuture<First> first =
          CompletableFuture.supplyAsync(
              () ->
                  in.shared(
                      First.class,
                      () -> {
                        firstStarted.countDown();
                        await(secondStarted);
                        return new First(in.shared(Second.class, () -> new Second(2)).n());
                      }),
              pool);
      CompletableFuture<Second> second =
          CompletableFuture.supplyAsync(
              () ->
                  in.shared(
                      Second.class,
                      () -> {
                        secondStarted.countDown();
                        await(firstStarted);
                        return new Second(in.shared(First.class, () -> new First(1)).n());
                      }),
              pool);
      for (CompletableFuture<?> f : List.of(first, second)) {
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
            .isInstanceOf(ExecutionException.class)
            .cause()
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("is needed to compute itself");
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
