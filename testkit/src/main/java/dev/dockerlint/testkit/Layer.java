package dev.dockerlint.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * One image layer: a tar of entries with exact modes, owners, links and whiteouts, built in memory
 * in the order the entries were added. Paths are absolute in the image ({@code /bin/sh}); parent
 * directories that no entry creates are created by the engine with mode 0755.
 *
 * <p>See the <a href="https://github.com/opencontainers/image-spec/blob/main/layer.md">OCI layer
 * spec</a> for whiteouts ({@code .wh.name}) and opaque directories ({@code .wh..wh..opq}).
 */
public final class Layer {

  /** The modification time of every entry, so that equal layers have equal digests. */
  static final Instant MTIME = Instant.parse("2020-01-01T00:00:00Z");

  private static final int S_IFDIR = 0040000;
  private static final int S_IFREG = 0100000;
  private static final int S_IFLNK = 0120000;

  /** An entry of a layer tar. */
  public sealed interface Entry {
    /** Absolute path in the image. */
    String path();
  }

  /**
   * A directory.
   *
   * @param path absolute path
   * @param mode permission bits, e.g. {@code 0755} or {@code 01777}
   * @param uid owner
   * @param gid group
   */
  public record Directory(String path, int mode, int uid, int gid) implements Entry {}

  /**
   * A regular file.
   *
   * @param path absolute path
   * @param content its bytes
   * @param mode permission bits, e.g. {@code 0755}, {@code 0644} or {@code 04755}
   * @param uid owner
   * @param gid group
   */
  public record RegularFile(String path, byte[] content, int mode, int uid, int gid)
      implements Entry {}

  /**
   * A symbolic link.
   *
   * @param path absolute path of the link
   * @param target what the link points to, as written (relative or absolute)
   */
  public record Symlink(String path, String target, int uid, int gid) implements Entry {}

  /**
   * A hard link to a file earlier in the same layer. Its tar header repeats the file's mode and
   * owner: the engine applies a link header's mode and owner to the shared inode, so anything else
   * would change the file.
   *
   * @param path absolute path of the new name
   * @param target the file it links to
   */
  public record Hardlink(String path, RegularFile target) implements Entry {}

  /**
   * A whiteout: deletes {@code path} of lower layers ({@code dir/.wh.name} in the tar).
   *
   * @param path absolute path to delete
   */
  public record Whiteout(String path) implements Entry {}

  /**
   * An opaque whiteout: hides everything lower layers have in a directory ({@code dir/.wh..wh..opq}
   * in the tar).
   *
   * @param path absolute path of the directory
   */
  public record OpaqueDirectory(String path) implements Entry {}

  private final List<Entry> entries;
  private final byte[] tar;
  private final byte[] gzip;

  private Layer(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    this.tar = writeTar(this.entries);
    this.gzip = gzip(tar);
  }

  /** A builder of a layer. */
  public static Builder builder() {
    return new Builder();
  }

  /** The entries, in tar order. */
  public List<Entry> entries() {
    return entries;
  }

  /** The uncompressed tar. */
  public byte[] tar() {
    return tar.clone();
  }

  /** The gzip-compressed tar, as registries store layers. */
  public byte[] gzip() {
    return gzip.clone();
  }

  /** The digest of the uncompressed tar: what {@code rootfs.diff_ids} lists. */
  public Digest diffId() {
    return Digest.sha256(tar);
  }

  /** Collects entries; every method returns this builder. */
  public static final class Builder {
    private final List<Entry> entries = new ArrayList<>();

    private Builder() {}

    /** A directory owned by root. */
    public Builder directory(String path, int mode) {
      return directory(path, mode, 0, 0);
    }

    /** A directory. */
    public Builder directory(String path, int mode, int uid, int gid) {
      entries.add(new Directory(absolute(path), checkMode(mode), uid, gid));
      return this;
    }

    /** A file owned by root. */
    public Builder file(String path, byte[] content, int mode) {
      return file(path, content, mode, 0, 0);
    }

    /** A file owned by root with UTF-8 text. */
    public Builder file(String path, String content, int mode) {
      return file(path, content.getBytes(StandardCharsets.UTF_8), mode, 0, 0);
    }

    /** A file with UTF-8 text. */
    public Builder file(String path, String content, int mode, int uid, int gid) {
      return file(path, content.getBytes(StandardCharsets.UTF_8), mode, uid, gid);
    }

    /** A file. */
    public Builder file(String path, byte[] content, int mode, int uid, int gid) {
      entries.add(new RegularFile(absolute(path), content.clone(), checkMode(mode), uid, gid));
      return this;
    }

    /** A file with the bytes of a host file (read now), owned by root. */
    public Builder copy(String path, Path hostFile, int mode) {
      try {
        return file(path, Files.readAllBytes(hostFile), mode, 0, 0);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + hostFile, e);
      }
    }

    /** A symbolic link owned by root. */
    public Builder symlink(String path, String target) {
      entries.add(new Symlink(absolute(path), target, 0, 0));
      return this;
    }

    /** A hard link to a file added earlier to this layer. */
    public Builder hardlink(String path, String target) {
      String absoluteTarget = absolute(target);
      RegularFile file =
          entries.stream()
              .filter(e -> e instanceof RegularFile && e.path().equals(absoluteTarget))
              .map(RegularFile.class::cast)
              .reduce((first, second) -> second)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "hard link " + path + " needs " + target + " earlier in the same layer"));
      entries.add(new Hardlink(absolute(path), file));
      return this;
    }

    /** Deletes {@code path} of lower layers. */
    public Builder whiteout(String path) {
      entries.add(new Whiteout(absolute(path)));
      return this;
    }

    /** Hides what lower layers have under the directory {@code path}. */
    public Builder opaque(String path) {
      entries.add(new OpaqueDirectory(absolute(path)));
      return this;
    }

    /** The layer, with its tar and gzip built. */
    public Layer build() {
      return new Layer(entries);
    }
  }

  private static String absolute(String path) {
    if (!path.startsWith("/") || path.equals("/") || path.endsWith("/") || path.contains("//")) {
      throw new IllegalArgumentException("not an absolute path to an entry: '" + path + "'");
    }
    return path;
  }

  private static int checkMode(int mode) {
    if ((mode & ~07777) != 0) {
      throw new IllegalArgumentException(
          "mode has bits beyond 07777: " + Integer.toOctalString(mode));
    }
    return mode;
  }

  /** The tar name of an absolute path: no leading slash. */
  private static String tarName(String path) {
    return path.substring(1);
  }

  private static String parent(String path) {
    return path.substring(0, path.lastIndexOf('/') + 1);
  }

  private static String baseName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static byte[] writeTar(List<Entry> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (Entry entry : entries) {
        write(tar, entry);
      }
      tar.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a layer tar in memory", e);
    }
    return bytes.toByteArray();
  }

  private static void write(TarArchiveOutputStream tar, Entry entry) throws IOException {
    TarArchiveEntry header = header(entry);
    byte[] content = entry instanceof RegularFile f ? f.content() : new byte[0];
    header.setModTime(FileTime.from(MTIME));
    header.setSize(content.length);
    tar.putArchiveEntry(header);
    tar.write(content);
    tar.closeArchiveEntry();
  }

  private static TarArchiveEntry header(Entry entry) {
    TarArchiveEntry header;
    if (entry instanceof Directory d) {
      header = new TarArchiveEntry(tarName(d.path()) + "/", TarConstants.LF_DIR);
      header.setMode(S_IFDIR | d.mode());
      owner(header, d.uid(), d.gid());
    } else if (entry instanceof RegularFile f) {
      header = new TarArchiveEntry(tarName(f.path()), TarConstants.LF_NORMAL);
      header.setMode(S_IFREG | f.mode());
      owner(header, f.uid(), f.gid());
    } else if (entry instanceof Symlink s) {
      header = new TarArchiveEntry(tarName(s.path()), TarConstants.LF_SYMLINK);
      header.setLinkName(s.target());
      header.setMode(S_IFLNK | 0777);
      owner(header, s.uid(), s.gid());
    } else if (entry instanceof Hardlink h) {
      header = new TarArchiveEntry(tarName(h.path()), TarConstants.LF_LINK);
      header.setLinkName(tarName(h.target().path()));
      header.setMode(S_IFREG | h.target().mode());
      owner(header, h.target().uid(), h.target().gid());
    } else if (entry instanceof Whiteout w) {
      header = new TarArchiveEntry(tarName(parent(w.path())) + ".wh." + baseName(w.path()));
      header.setMode(S_IFREG | 0644);
      owner(header, 0, 0);
    } else if (entry instanceof OpaqueDirectory o) {
      header = new TarArchiveEntry(tarName(o.path()) + "/.wh..wh..opq");
      header.setMode(S_IFREG | 0644);
      owner(header, 0, 0);
    } else {
      throw new IllegalArgumentException("unknown entry " + entry);
    }
    return header;
  }

  private static void owner(TarArchiveEntry header, int uid, int gid) {
    header.setUserId(uid);
    header.setGroupId(gid);
    header.setUserName("");
    header.setGroupName("");
  }

  /** Gzip with no name and a zero timestamp, so that equal tars give equal blobs. */
  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    GzipParameters parameters = new GzipParameters();
    parameters.setModificationTime(0);
    try (GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(bytes, parameters)) {
      gzip.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot gzip in memory", e);
    }
    return bytes.toByteArray();
  }
}
