package dev.dockerlint.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs an external command with a timeout, keeping at most a bounded number of bytes of its
 * standard output and error. The testkit talks to Docker through its CLI with this class.
 */
public final class ProcessRunner {

  /** Default cap for each of stdout and stderr. */
  public static final int DEFAULT_MAX_OUTPUT_BYTES = 1 << 20;

  /**
   * Threads that read and write the pipes. Not the common pool: with two cores it has one thread,
   * and a blocked stdout reader would starve the stderr reader.
   */
  private static final ExecutorService IO =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "testkit-process-io");
            thread.setDaemon(true);
            return thread;
          });

  private ProcessRunner() {}

  /**
   * What a finished (or killed) command left behind.
   *
   * @param command the command line that ran
   * @param exitCode its exit code; -1 when it was killed after the timeout
   * @param stdout standard output, decoded as UTF-8, cut at the byte cap
   * @param stderr standard error, decoded as UTF-8, cut at the byte cap
   * @param timedOut whether the timeout ended it
   * @param truncated whether either stream was longer than the cap
   */
  public record Result(
      List<String> command,
      int exitCode,
      String stdout,
      String stderr,
      boolean timedOut,
      boolean truncated) {

    /** Whether the command exited with code 0 within its timeout. */
    public boolean ok() {
      return exitCode == 0 && !timedOut;
    }

    /** Returns this result if {@link #ok()}, else throws with the command and its stderr. */
    public Result orThrow() {
      if (!ok()) {
        throw new IllegalStateException(describe());
      }
      return this;
    }

    /** One paragraph for error messages: the command, how it ended and its stderr. */
    public String describe() {
      String end = timedOut ? "timed out" : "exited with " + exitCode;
      return "'" + String.join(" ", command) + "' " + end + ": " + stderr.strip();
    }
  }

  /**
   * Runs {@code command}.
   *
   * @param command program and arguments
   * @param environment variables added to (or replacing) this process's environment
   * @param stdin bytes written to the command's standard input, then closed
   * @param timeout after this the process and its descendants are killed
   * @param maxOutputBytes cap for each of stdout and stderr
   */
  public static Result run(
      List<String> command,
      Map<String, String> environment,
      Optional<byte[]> stdin,
      Duration timeout,
      int maxOutputBytes) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    if (stdin.isEmpty()) {
      builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    }
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start '" + String.join(" ", command) + "'", e);
    }
    CompletableFuture<Captured> out = capture(process.getInputStream(), maxOutputBytes);
    CompletableFuture<Captured> err = capture(process.getErrorStream(), maxOutputBytes);
    CompletableFuture<Void> in =
        stdin.isPresent()
            ? CompletableFuture.runAsync(() -> feed(process.getOutputStream(), stdin.get()), IO)
            : CompletableFuture.completedFuture(null);
    boolean finished;
    try {
      finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      kill(process);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
    if (!finished) {
      kill(process);
    }
    Captured o = join(out, command);
    Captured e = join(err, command);
    join(in, command);
    return new Result(
        List.copyOf(command),
        finished ? process.exitValue() : -1,
        o.text(),
        e.text(),
        !finished,
        o.truncated() || e.truncated());
  }

  /** Runs {@code command} with no input, 1 MiB output caps and the given timeout. */
  public static Result run(
      List<String> command, Map<String, String> environment, Duration timeout) {
    return run(command, environment, Optional.empty(), timeout, DEFAULT_MAX_OUTPUT_BYTES);
  }

  private record Captured(String text, boolean truncated) {}

  private static CompletableFuture<Captured> capture(InputStream stream, int max) {
    return CompletableFuture.supplyAsync(
        () -> {
          ByteArrayOutputStream kept = new ByteArrayOutputStream();
          boolean truncated = false;
          byte[] buffer = new byte[8192];
          try (stream) {
            int n;
            while ((n = stream.read(buffer)) != -1) {
              int room = max - kept.size();
              if (n > room) {
                truncated = true;
              }
              kept.write(buffer, 0, Math.max(0, Math.min(n, room)));
            }
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read the output of a process", e);
          }
          return new Captured(kept.toString(StandardCharsets.UTF_8), truncated);
        },
        IO);
  }

  private static void feed(OutputStream stdin, byte[] bytes) {
    try (stdin) {
      stdin.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the input of a process", e);
    }
  }

  private static <T> T join(CompletableFuture<T> future, List<String> command) {
    try {
      // the process is gone, so its pipes close soon; a descendant that keeps them open
      // is killed with it, and this bound only guards against a stuck reader
      return future.get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the output of " + command, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot collect the output of " + command, e);
    }
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
