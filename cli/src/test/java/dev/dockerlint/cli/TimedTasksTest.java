package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class TimedTasksTest {

  /** Blocks until the test ends: a lint that never ends. */
  private final CountDownLatch never = new CountDownLatch(1);

  private Integer hang() throws InterruptedException {
    never.await();
    return -1;
  }

  @Test
  void tasksThatNeverEndAreLeftAndTheOthersStillRunOnAsManyThreads() throws Exception {
    try (TimedTasks tasks = new TimedTasks(2, Duration.ofMillis(200), "test")) {
      List<TimedTasks.Task<Integer>> all = new ArrayList<>();
      // both threads get a task that never ends, then five ordinary ones queue behind them
      all.add(tasks.submit(this::hang));
      all.add(tasks.submit(this::hang));
      for (int i = 0; i < 5; i++) {
        int n = i;
        all.add(tasks.submit(() -> n));
      }
      assertThatThrownBy(() -> tasks.await(all.get(0)))
          .isInstanceOf(TimedTasks.TimedOut.class)
          .hasMessage("took longer than 0.2 s");
      assertThatThrownBy(() -> tasks.await(all.get(1))).isInstanceOf(TimedTasks.TimedOut.class);
      for (int i = 0; i < 5; i++) {
        assertThat(tasks.await(all.get(2 + i))).isEqualTo(i);
      }
    } finally {
      never.countDown();
    }
  }

  @Test
  void theLimitCountsFromWhenATaskStartsItsOwnWork() throws Exception {
    CountDownLatch firstDone = new CountDownLatch(1);
    try (TimedTasks tasks = new TimedTasks(2, Duration.ofMillis(300), "test")) {
      TimedTasks.Task<Integer> first =
          tasks.submit(
              () -> {
                Thread.sleep(200);
                firstDone.countDown();
                return 1;
              });
      // waits for the first (200 ms) before its own work (200 ms): 400 ms in all, each within 300
      TimedTasks.Task<Integer> second =
          tasks.submit(
              task -> {
                firstDone.await();
                task.start();
                Thread.sleep(200);
                return 2;
              });
      assertThat(tasks.await(second)).isEqualTo(2);
      assertThat(tasks.await(first)).isEqualTo(1);
    }
  }

  @Test
  void aTaskManyWaitForTimesOutForEachAndAFailureIsAFailure() throws Exception {
    try (TimedTasks tasks = new TimedTasks(1, Duration.ofMillis(100), "test")) {
      TimedTasks.Task<Integer> stuck = tasks.submit(this::hang);
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(() -> tasks.await(stuck)).isInstanceOf(TimedTasks.TimedOut.class);
      }
      TimedTasks.Task<Integer> failing =
          tasks.submit(
              () -> {
                throw new IllegalStateException("a bug");
              });
      assertThatThrownBy(() -> tasks.await(failing))
          .isInstanceOf(ExecutionException.class)
          .hasRootCauseMessage("a bug");
      assertThat(tasks.await(tasks.submit(() -> 7))).isEqualTo(7);
    } finally {
      never.countDown();
    }
  }
}
