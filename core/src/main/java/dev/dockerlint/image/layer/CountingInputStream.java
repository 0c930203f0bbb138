package dev.dockerlint.image.layer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read through it and hands each new total to a check that may throw. */
final class CountingInputStream extends FilterInputStream {
  /** Called with the running total after each read. */
  @FunctionalInterface
  interface Check {
    void total(long bytes) throws IOException;
  }

  private long count;
  private final Check check;

  CountingInputStream(InputStream in, Check check) {
    super(in);
    this.check = check;
  }

  long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count++;
      check.total(count);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      count += n;
      check.total(count);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // read instead of skip, so that decompressors and digests see every byte
    byte[] buf = new byte[(int) Math.min(Math.max(n, 1), 65536)];
    int r = read(buf, 0, (int) Math.min(n, buf.length));
    return Math.max(r, 0);
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
