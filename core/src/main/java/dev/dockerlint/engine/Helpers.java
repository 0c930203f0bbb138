package dev.dockerlint.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * Maps a list on the calling thread and on up to {@code count} threads of an executor that help it:
 * each thread takes an item not yet taken until none is left, so the calling thread never waits for
 * a helper that has not started (a busy executor only means less help). The calling thread takes
 * items from the front, helpers from the back: items next to each other tend to need the same
 * costly values (the rules of one family, say), which one thread then computes while the other does
 * unrelated work instead of waiting for it. The results come in the order of the items, whoever
 * computed them. Immutable and thread-safe.
 */
final class Helpers {
  private final Executor executor;
  private final int count;

  private Helpers(Executor executor, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("helper count must not be negative: " + count);
    }
    this.executor = executor;
    this.count = count;
  }

  /** No help: everything runs on the calling thread. */
  static final Helpers NONE = new Helpers(Runnable::run, 0);

  static Helpers of(Executor executor, int count) {
    return count == 0 ? NONE : new Helpers(executor, count);
  }

  /** {@code work} applied to every item, in the items' order. */
  <T, R> List<R> map(List<T> items, Function<T, R> work) {
    int n = items.size();
    Object[] results = new Object[n];
    Claims claims = new Claims(n);
    Runnable front = () -> take(claims::front, items, work, results);
    Runnable back = () -> take(claims::back, items, work, results);
    List<Helper> started = new ArrayList<>();
    for (int h = 0; h < Math.min(count, n - 1); h++) {
      Helper helper = new Helper(back);
      try {
        executor.execute(helper);
        started.add(helper);
      } catch (RejectedExecutionException e) {
        break;
      }
    }
    Throwable failure = null;
    try {
      front.run();
    } catch (RuntimeException | Error e) {
      failure = e;
    }
    for (Helper helper : started) {
      Throwable f = helper.finish();
      if (failure == null) {
        failure = f;
      }
    }
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    @SuppressWarnings("unchecked")
    List<R> out = (List<R>) Arrays.asList(results);
    return out;
  }

  /** Applies {@code work} to the items {@code claim} hands out, until it hands out -1. */
  private static <T, R> void take(
      IntSupplier claim, List<T> items, Function<T, R> work, Object[] results) {
    for (int k = claim.getAsInt(); k >= 0; k = claim.getAsInt()) {
      results[k] = work.apply(items.get(k));
    }
  }

  /** The items not yet taken: {@code [next, end)}; -1 once none is left. */
  private static final class Claims {
    private int next;
    private int end;

    Claims(int n) {
      this.end = n;
    }

    synchronized int front() {
      return next < end ? next++ : -1;
    }

    synchronized int back() {
      return next < end ? --end : -1;
    }
  }

  /** One helper's run: it either takes part or, once the caller is done, never starts. */
  private static final class Helper implements Runnable {
    private static final int NEW = 0;
    private static final int RUNNING = 1;
    private static final int SKIPPED = 2;

    private final Runnable take;
    private final AtomicInteger state = new AtomicInteger(NEW);
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Throwable failure;

    Helper(Runnable take) {
      this.take = take;
    }

    @Override
    public void run() {
      if (!state.compareAndSet(NEW, RUNNING)) {
        return;
      }
      try {
        take.run();
      } catch (RuntimeException | Error e) {
        failure = e;
      } finally {
        done.countDown();
      }
    }

    /** Waits for this helper if it started (keeping it from starting otherwise); its failure. */
    Throwable finish() {
      if (state.compareAndSet(NEW, SKIPPED)) {
        return null;
      }
      boolean interrupted = false;
      while (true) {
        try {
          done.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      return failure;
    }
  }
}
