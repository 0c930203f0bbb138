package dev.dockerlint.filefacts;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.Arrays;
import java.util.Optional;

/**
 * Bounded random access to a file: its prefix, plus (when a seekable channel is at hand) further
 * reads up to a total budget. One instance serves one {@link FileFacts} read; not thread-safe.
 */
final class ByteSource {
  /** Bytes that may be read beyond the prefix, in total, for one file. */
  static final int EXTRA_READ_BUDGET = 512 * 1024;

  private final byte[] prefix;
  private final long size;
  private final SeekableByteChannel channel;
  private int budget = EXTRA_READ_BUDGET;

  private ByteSource(byte[] prefix, long size, SeekableByteChannel channel) {
    this.prefix = prefix;
    this.size = size;
    this.channel = channel;
  }

  static ByteSource ofPrefix(byte[] prefix, long size) {
    return new ByteSource(prefix, Math.max(size, prefix.length), null);
  }

  static ByteSource ofChannel(byte[] prefix, long size, SeekableByteChannel channel) {
    return new ByteSource(prefix, size, channel);
  }

  long size() {
    return size;
  }

  byte[] prefix() {
    return prefix;
  }

  /** Whether {@code [pos, pos+len)} lies inside the file. */
  boolean inFile(long pos, long len) {
    return pos >= 0 && len >= 0 && pos <= size && len <= size - pos;
  }

  /**
   * Reads exactly {@code len} bytes at {@code pos}, or returns empty when they lie beyond the
   * prefix and no channel (or no budget) is left. Callers check {@link #inFile} first.
   */
  Optional<byte[]> read(long pos, int len) throws IOException {
    if (!inFile(pos, len)) {
      return Optional.empty();
    }
    if (pos + len <= prefix.length) {
      return Optional.of(Arrays.copyOfRange(prefix, (int) pos, (int) pos + len));
    }
    if (channel == null || len > budget) {
      return Optional.empty();
    }
    budget -= len;
    ByteBuffer buffer = ByteBuffer.allocate(len);
    channel.position(pos);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer) < 0) {
        return Optional.empty();
      }
    }
    return Optional.of(buffer.array());
  }
}
