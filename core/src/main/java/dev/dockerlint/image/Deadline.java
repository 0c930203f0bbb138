package dev.dockerlint.image;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** A point in time by which a lookup must be done; streams read under it fail once it passes. */
public final class Deadline {
  private final long endNanos;
  private final Duration total;

  private Deadline(Duration total) {
    this.total = total;
    this.endNanos = System.nanoTime() + total.toNanos();
  }

  public static Deadline after(Duration d) {
    return new Deadline(d);
  }

  /** What is left, never less than one millisecond (0 would mean "no timeout" to sockets). */
  public Duration remaining() {
    long left = endNanos - System.nanoTime();
    return Duration.ofNanos(Math.max(left, 1_000_000));
  }

  /** {@code min(d, remaining())} in milliseconds, at least 1. */
  public int capMillis(Duration d) {
    return (int) Math.max(1, Math.min(d.toMillis(), remaining().toMillis()));
  }

  public boolean passed() {
    return System.nanoTime() - endNanos > 0;
  }

  /** The budget this deadline was made with. */
  public Duration total() {
    return total;
  }

  /** Fails with a {@link SocketTimeoutException} if the deadline has passed. */
  public void check() throws SocketTimeoutException {
    if (passed()) {
      throw new SocketTimeoutException("timed out after " + total.toSeconds() + " s");
    }
  }

  /** {@code in}, failing any read that starts or ends after the deadline. */
  public InputStream guard(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        check();
        int b = super.read();
        check();
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        check();
        int n = super.read(b, off, len);
        check();
        return n;
      }
    };
  }
}
