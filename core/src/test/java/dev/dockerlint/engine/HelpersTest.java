package dev.dockerlint.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HelpersTest {
  private final ExecutorService pool = Executors.newFixedThreadPool(3);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private static final List<Integer> ITEMS = IntStream.range(0, 200).boxed().toList();

  @Test
  void resultsComeInTheOrderOfTheItemsAndHelpersDoTakePart() {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    List<Integer> out =
        Helpers.of(pool, 3)
            .map(
                ITEMS,
                k -> {
                  threads.add(Thread.currentThread().getName());
                  sleep(1);
                  return k * k;
                });
    assertThat(out).isEqualTo(ITEMS.stream().map(k -> k * k).toList());
    assertThat(threads).contains(Thread.currentThread().getName()).hasSizeGreaterThan(1);
  }

  @Test
  void aBusyExecutorOnlyMeansLessHelp() throws InterruptedException {
    ExecutorService one = Executors.newSingleThreadExecutor();
    CountDownLatch release = new CountDownLatch(1);
    try {
      one.execute(() -> await(release));
      List<Integer> out = Helpers.of(one, 2).map(ITEMS, k -> k + 1);
      assertThat(out).hasSize(200).startsWith(1, 2, 3).endsWith(200);
    } finally {
      release.countDown();
      one.shutdown();
      assertThat(one.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void aRejectingExecutorMeansNoHelp() {
    List<Integer> out =
        Helpers.of(
                r -> {
                  throw new RejectedExecutionException("shut down");
                },
                2)
            .map(ITEMS, k -> -k);
    assertThat(out).hasSize(200).startsWith(0, -1).endsWith(-199);
  }

  @Test
  void aFailureOnAnyThreadReachesTheCaller() {
    assertThatThrownBy(
            () ->
                Helpers.of(pool, 3)
                    .map(
                        ITEMS,
                        k -> {
                          if (k == 150) {
                            throw new IllegalStateException("item " + k);
                          }
                          sleep(1);
                          return k;
                        }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("item 150");
  }

  @Test
  void noHelpersRunsEverythingOnTheCallingThread() {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    Helpers.NONE.map(ITEMS, k -> threads.add(Thread.currentThread().getName()));
    assertThat(threads).containsExactly(Thread.currentThread().getName());
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
