package dev.dockerlint.image.cache;

import dev.dockerlint.filefacts.FileFacts;
import dev.dockerlint.image.FileEntry;
import dev.dockerlint.image.FileIndex;
import dev.dockerlint.image.ImagePaths;
import dev.dockerlint.image.TreeFileIndex;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cached file index that decodes an entry only when it is asked for: a warm lint usually asks
 * about a handful of paths (a shell, an interpreter, a loader) of an image with thousands, so
 * loading the index costs one scan of the paths, not building every entry.
 */
final class LazyFileIndex implements FileIndex {
  private final byte[] data;
  private final Map<String, Integer> offsets;
  private final List<String> order;
  private final Map<String, FileEntry> decoded = new ConcurrentHashMap<>();

  private LazyFileIndex(byte[] data, Map<String, Integer> offsets, List<String> order) {
    this.data = data;
    this.offsets = offsets;
    this.order = order;
  }

  /** Scans the entries that start at {@code start} (their paths only). */
  static LazyFileIndex scan(byte[] data, int start, int count) throws IOException {
    Map<String, Integer> offsets = new HashMap<>(Math.max(16, count * 4 / 3 + 1));
    List<String> order = new ArrayList<>(count);
    Cursor c = new Cursor(data, start);
    for (int i = 0; i < count; i++) {
      int at = c.pos;
      String path = c.string();
      c.skip(1 + 4 + 8 + 4 + 4);
      if (c.bool()) {
        c.string();
      }
      c.skip(c.int32());
      offsets.put(path, at);
      order.add(path);
    }
    return new LazyFileIndex(data, offsets, order);
  }

  @Override
  public Optional<FileEntry> get(String path) {
    return Optional.ofNullable(entry(ImagePaths.clean(path)));
  }

  @Override
  public Optional<FileEntry> resolve(String path) {
    return TreeFileIndex.resolve(path, this::entry);
  }

  @Override
  public Collection<FileEntry> entries() {
    List<FileEntry> out = new ArrayList<>(order.size());
    for (String p : order) {
      out.add(entry(p));
    }
    return out;
  }

  private FileEntry entry(String cleanPath) {
    Integer at = offsets.get(cleanPath);
    if (at == null) {
      return null;
    }
    return decoded.computeIfAbsent(cleanPath, p -> decode(at));
  }

  private FileEntry decode(int at) {
    try {
      Cursor c = new Cursor(data, at);
      String path = c.string();
      FileEntry.Kind kind = FileEntry.Kind.values()[c.data[c.pos++]];
      int mode = c.int32();
      long size = c.int64();
      int uid = c.int32();
      int gid = c.int32();
      Optional<String> link = c.bool() ? Optional.of(c.string()) : Optional.empty();
      int factsLength = c.int32();
      Optional<FileFacts> facts = Optional.empty();
      if (factsLength > 0) {
        facts =
            Optional.of(
                (FileFacts)
                    RecordCodec.read(
                        new DataInputStream(new ByteArrayInputStream(data, c.pos, factsLength)),
                        FileFacts.class));
      }
      return new FileEntry(path, kind, mode, size, uid, gid, link, facts);
    } catch (IOException | RuntimeException e) {
      throw new UncheckedIOException(
          new IOException("corrupt cached file index entry at " + at + ": " + e.getMessage(), e));
    }
  }

  @Override
  public String toString() {
    return "LazyFileIndex[" + order.size() + " entries]";
  }

  /** Reads the big-endian values {@code DataOutputStream} writes, from a byte array. */
  static final class Cursor {
    final byte[] data;
    int pos;

    Cursor(byte[] data, int pos) {
      this.data = data;
      this.pos = pos;
    }

    void skip(int n) throws IOException {
      if (n < 0 || pos + n > data.length) {
        throw new IOException("corrupt file index");
      }
      pos += n;
    }

    boolean bool() throws IOException {
      skip(1);
      return data[pos - 1] != 0;
    }

    int int32() throws IOException {
      skip(4);
      return ((data[pos - 4] & 0xff) << 24)
          | ((data[pos - 3] & 0xff) << 16)
          | ((data[pos - 2] & 0xff) << 8)
          | (data[pos - 1] & 0xff);
    }

    long int64() throws IOException {
      long hi = int32() & 0xffffffffL;
      long lo = int32() & 0xffffffffL;
      return (hi << 32) | lo;
    }

    /** A string written as a length and UTF-8 bytes. */
    String string() throws IOException {
      int n = int32();
      skip(n);
      return new String(data, pos - n, n, StandardCharsets.UTF_8);
    }
  }
}
