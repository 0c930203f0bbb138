package dev.dockerlint.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs tasks on a few daemon threads, each allowed {@code limit} from the moment it starts its own
 * work. A task that takes longer is left to its thread (Java cannot stop a thread safely; a lint
 * that never ends is a bug) and its waiter gets {@link TimedOut}; the pool gets one thread more, so
 * the tasks behind it still run on as many threads as before. Being daemons, left threads do not
 * keep the process alive.
 */
final class TimedTasks implements AutoCloseable {

  /** A task left running past its limit. */
  static final class TimedOut extends Exception {
    TimedOut(Duration limit) {
      super("took longer than " + seconds(limit) + " s", null, false, false);
    }
  }

  /** A task's own work may start later than the task itself (see {@link Task#start}). */
  static final class Task<T> {
    private final CountDownLatch started = new CountDownLatch(1);
    private final AtomicBoolean left = new AtomicBoolean();
    private volatile long startNanos;
    private Future<T> future;

    /** Marks the start of the task's own work, after any wait for work another task does first. */
    void start() {
      if (started.getCount() > 0) {
        startNanos = System.nanoTime();
        started.countDown();
      }
    }
  }

  /** The body of a task, told its {@link Task} so that it can mark when its own work starts. */
  interface Body<T> {
    T run(Task<T> task) throws Exception;
  }

  private final ThreadPoolExecutor pool;
  private final Duration limit;

  TimedTasks(int threads, Duration limit, String name) {
    this.limit = limit;
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
  }

  /** Runs {@code body}; its own work starts when it says so, or when it returns at the latest. */
  <T> Task<T> submit(Body<T> body) {
    Task<T> task = new Task<>();
    Callable<T> c =
        () -> {
          try {
            return body.run(task);
          } finally {
            task.start();
          }
        };
    task.future = pool.submit(c);
    return task;
  }

  /** Runs {@code work} whose own work starts at once. */
  <T> Task<T> submit(Callable<T> work) {
    return submit(
        task -> {
          task.start();
          return work.call();
        });
  }

  /**
   * The result of {@code task}, once it ends or its limit has passed since its own work started.
   * Several threads may wait for the same task.
   *
   * @throws TimedOut when it ran longer than the limit (it is left running)
   * @throws ExecutionException when it failed
   */
  <T> T await(Task<T> task) throws TimedOut, ExecutionException, InterruptedException {
    // a task that has not started waits behind others, whose own limits bound the wait
    while (!task.started.await(100, TimeUnit.MILLISECONDS)) {
      if (task.future.isDone()) {
        break;
      }
    }
    long left = task.startNanos + limit.toNanos() - System.nanoTime();
    try {
      return task.future.get(Math.max(0, left), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      if (task.left.compareAndSet(false, true)) {
        synchronized (pool) {
          // one more thread for the tasks behind this one; the left one stays with its task
          pool.setMaximumPoolSize(pool.getMaximumPoolSize() + 1);
          pool.setCorePoolSize(pool.getCorePoolSize() + 1);
        }
      }
      throw new TimedOut(limit);
    }
  }

  Duration limit() {
    return limit;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  /** A duration in seconds as people write it: 300, 0.5. */
  static String seconds(Duration d) {
    double s = d.toNanos() / 1e9;
    return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
  }
}
