package dev.dockerlint.image.cache;

import dev.dockerlint.filefacts.FileFacts;
import dev.dockerlint.image.FileEntry;
import dev.dockerlint.image.FileIndex;
import dev.dockerlint.image.TreeFileIndex;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Writes and reads a {@link FileIndex} in a versioned binary form for the disk cache. */
final class FileIndexCodec {
  private static final int MAGIC = 0x444c4649; // "DLFI"
  private static final String SCHEMA = RecordCodec.schema(FileEntry.class);
  private static final int MAX_ENTRIES = 10_000_000;

  private FileIndexCodec() {}

  static void write(FileIndex index, DataOutputStream out) throws IOException {
    out.writeInt(MAGIC);
    out.writeUTF(SCHEMA);
    out.writeInt(index.entries().size());
    for (FileEntry e : index.entries()) {
      out.writeUTF(e.path());
      out.writeByte(e.kind().ordinal());
      out.writeInt(e.mode());
      out.writeLong(e.size());
      out.writeInt(e.uid());
      out.writeInt(e.gid());
      out.writeBoolean(e.linkTarget().isPresent());
      if (e.linkTarget().isPresent()) {
        out.writeUTF(e.linkTarget().get());
      }
      out.writeBoolean(e.facts().isPresent());
      if (e.facts().isPresent()) {
        RecordCodec.write(out, FileFacts.class, e.facts().get());
      }
    }
  }

  /** The index, or an exception if the data is corrupt or of another version. */
  static FileIndex read(DataInputStream in) throws IOException {
    if (in.readInt() != MAGIC || !in.readUTF().equals(SCHEMA)) {
      throw new IOException("not a file index of this version");
    }
    int n = in.readInt();
    if (n < 0 || n > MAX_ENTRIES) {
      throw new IOException("corrupt entry count " + n);
    }
    FileEntry.Kind[] kinds = FileEntry.Kind.values();
    List<FileEntry> entries = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String path = in.readUTF();
      int kind = in.readByte();
      if (kind < 0 || kind >= kinds.length) {
        throw new IOException("corrupt kind " + kind);
      }
      int mode = in.readInt();
      long size = in.readLong();
      int uid = in.readInt();
      int gid = in.readInt();
      Optional<String> link = in.readBoolean() ? Optional.of(in.readUTF()) : Optional.empty();
      Optional<FileFacts> facts =
          in.readBoolean()
              ? Optional.of((FileFacts) RecordCodec.read(in, FileFacts.class))
              : Optional.empty();
      entries.add(new FileEntry(path, kinds[kind], mode, size, uid, gid, link, facts));
    }
    return TreeFileIndex.of(entries);
  }
}
