package dev.dockerlint.image.cache;

import dev.dockerlint.filefacts.FileFacts;
import dev.dockerlint.image.FileEntry;
import dev.dockerlint.image.FileIndex;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes and reads a {@link FileIndex} in a versioned binary form for the disk cache: a header
 * (magic, the schema of the entry records, the count), then per entry its path, kind, mode, size,
 * owner, link target and length-prefixed facts, so a reader can find paths without decoding facts.
 */
final class FileIndexCodec {
  private static final int MAGIC = 0x444c4632; // "DLF2"
  private static final String SCHEMA = RecordCodec.schema(FileEntry.class);
  private static final int MAX_ENTRIES = 10_000_000;

  private FileIndexCodec() {}

  static void write(FileIndex index, DataOutputStream out) throws IOException {
    out.writeInt(MAGIC);
    writeString(out, SCHEMA);
    out.writeInt(index.entries().size());
    ByteArrayOutputStream factsBytes = new ByteArrayOutputStream();
    for (FileEntry e : index.entries()) {
      writeString(out, e.path());
      out.writeByte(e.kind().ordinal());
      out.writeInt(e.mode());
      out.writeLong(e.size());
      out.writeInt(e.uid());
      out.writeInt(e.gid());
      out.writeBoolean(e.linkTarget().isPresent());
      if (e.linkTarget().isPresent()) {
        writeString(out, e.linkTarget().get());
      }
      if (e.facts().isPresent()) {
        factsBytes.reset();
        RecordCodec.write(new DataOutputStream(factsBytes), FileFacts.class, e.facts().get());
        out.writeInt(factsBytes.size());
        factsBytes.writeTo(out);
      } else {
        out.writeInt(0);
      }
    }
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  /** The index in {@code data}, or an exception if it is corrupt or of another version. */
  static FileIndex read(byte[] data) throws IOException {
    LazyFileIndex.Cursor c = new LazyFileIndex.Cursor(data, 0);
    if (c.int32() != MAGIC || !c.string().equals(SCHEMA)) {
      throw new IOException("not a file index of this version");
    }
    int n = c.int32();
    if (n < 0 || n > MAX_ENTRIES) {
      throw new IOException("corrupt entry count " + n);
    }
    return LazyFileIndex.scan(data, c.pos, n);
  }
}
