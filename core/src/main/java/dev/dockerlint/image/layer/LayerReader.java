package dev.dockerlint.image.layer;

import dev.dockerlint.filefacts.FileFacts;
import dev.dockerlint.image.FileEntry;
import dev.dockerlint.image.ImagePaths;
import io.airlift.compress.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Streams layer tars (plain, gzip or zstd, told apart by their first bytes) into {@link
 * LayerChanges}: one pass, entries only, never a whole file in memory. For executable files, files
 * in the usual {@code bin} and {@code lib} directories and ELF files anywhere it reads the first
 * bytes into {@link FileFacts}, and it keeps the text of the few system files {@link
 * FileEntry#keepsText} names; the rest of every file is skipped. One reader holds the {@link
 * LayerLimits} budget of one image across its layers.
 */
public final class LayerReader {
  private static final Pattern FACTS_DIRECTORY =
      Pattern.compile(
          "/(?:usr/(?:local/)?)?s?bin|/(?:usr/)?lib(?:32|64|x32|exec)?(?:/[a-z0-9_]+-linux-[a-z0-9_]+)?");

  private static final byte[] ELF_MAGIC = {0x7f, 'E', 'L', 'F'};

  private final LayerLimits limits;
  private final byte[] skipBuffer = new byte[65536];
  private long transferred;
  private long expanded;

  public LayerReader(LayerLimits limits) {
    this.limits = limits;
  }

  /** Bytes of layer data read so far, as transferred. */
  public long transferred() {
    return transferred;
  }

  /** Bytes the layers read so far expanded to. */
  public long expanded() {
    return expanded;
  }

  /**
   * Reads one layer to its end (the whole stream, so a digest computed under it is complete).
   *
   * @param name the layer's name in messages (its digest or path)
   */
  public LayerChanges read(InputStream raw, String name) throws LayerException {
    long transferredBefore = transferred;
    long expandedBefore = expanded;
    CountingInputStream in =
        new CountingInputStream(
            raw,
            total -> {
              transferred = transferredBefore + total;
              if (transferred > limits.maxBytes()) {
                throw new LimitException(
                    "the image's layers are larger than the limit of "
                        + limits.maxBytes()
                        + " bytes (--image-files-max-bytes)");
              }
            });
    try {
      BufferedInputStream buffered = new BufferedInputStream(in, 65536);
      InputStream data = decompressor(buffered, name);
      CountingInputStream tarBytes =
          new CountingInputStream(
              data,
              total -> {
                expanded = expandedBefore + total;
                if (expanded > limits.maxExpandedBytes()) {
                  throw new LimitException(
                      "the image's layers expand to more than "
                          + limits.maxExpandedBytes()
                          + " bytes");
                }
                long packed = Math.max(1, transferred - transferredBefore);
                if (total > LayerLimits.RATIO_GRACE && total / packed > limits.maxRatio()) {
                  throw new LimitException(
                      "layer "
                          + name
                          + " expands more than "
                          + limits.maxRatio()
                          + " times (a decompression bomb?)");
                }
              });
      LayerChanges changes = readTar(tarBytes, name);
      drain(tarBytes);
      drain(in);
      return changes;
    } catch (LimitException e) {
      throw new LayerException(e.getMessage(), e);
    } catch (InterruptedIOException e) {
      throw new LayerException("reading layer " + name + " timed out", e);
    } catch (IOException e) {
      throw new LayerException(
          "layer " + name + " is truncated or corrupt: " + oneLine(e.getMessage()), e);
    }
  }

  /**
   * {@code in} decompressed if it starts as gzip or zstd data does, else {@code in} itself; bzip2
   * and xz data are refused. {@code name} names the data in the message.
   */
  public static InputStream decompressor(BufferedInputStream in, String name)
      throws IOException, LayerException {
    in.mark(4);
    byte[] magic = in.readNBytes(4);
    in.reset();
    if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
      return new GZIPInputStream(in, 65536);
    }
    if (magic.length == 4
        && (magic[0] & 0xff) == 0x28
        && (magic[1] & 0xff) == 0xb5
        && (magic[2] & 0xff) == 0x2f
        && (magic[3] & 0xff) == 0xfd) {
      return new ZstdInputStream(in);
    }
    if (magic.length >= 3 && magic[0] == 'B' && magic[1] == 'Z' && magic[2] == 'h') {
      throw new LayerException("layer " + name + " is bzip2-compressed, which is not supported");
    }
    if (magic.length >= 4 && (magic[0] & 0xff) == 0xfd && magic[1] == '7' && magic[2] == 'z') {
      throw new LayerException("layer " + name + " is xz-compressed, which is not supported");
    }
    return in;
  }

  private LayerChanges readTar(InputStream data, String name) throws IOException, LayerException {
    LayerChanges changes = new LayerChanges();
    @SuppressWarnings("deprecation")
    TarArchiveInputStream tar = new TarArchiveInputStream(data, 10240, 512);
    TarArchiveEntry e;
    while ((e = tar.getNextEntry()) != null) {
      ImagePaths.Cleaned cleaned = ImagePaths.cleanWithin(e.getName());
      if (cleaned.escaped()) {
        throw new LayerException(
            "layer "
                + name
                + " has an entry outside the image root ('"
                + oneLine(e.getName())
                + "'); Docker refuses such layers");
      }
      String path = cleaned.path();
      if (path.equals("/")) {
        continue;
      }
      String parent = ImagePaths.parent(path).orElse("/");
      String base = ImagePaths.name(path);
      if (base.startsWith(".wh.")) {
        if (base.equals(".wh..wh..opq")) {
          changes.opaqueDirectories.add(parent);
        } else if (!base.startsWith(".wh..wh.")) {
          changes.whiteouts.add(ImagePaths.child(parent, base.substring(4)));
        }
        continue;
      }
      changes.entries.add(entry(e, path, parent, tar));
      // read the rest of the file with one buffer: the archive's own skip allocates per call
      while (tar.read(skipBuffer, 0, skipBuffer.length) > 0) {
        // skipping file content
      }
      if (changes.entries.size() > limits.maxEntries()) {
        throw new LayerException(
            "layer " + name + " has more than " + limits.maxEntries() + " files");
      }
    }
    return changes;
  }

  private static FileEntry entry(TarArchiveEntry e, String path, String parent, InputStream tar)
      throws IOException {
    int mode = e.getMode() & 07777;
    int uid = (int) e.getLongUserId();
    int gid = (int) e.getLongGroupId();
    if (e.isSymbolicLink()) {
      return new FileEntry(
          path,
          FileEntry.Kind.SYMLINK,
          0777,
          e.getLinkName().length(),
          uid,
          gid,
          Optional.of(e.getLinkName()),
          Optional.empty());
    }
    if (e.isLink()) {
      return new FileEntry(
          path,
          FileEntry.Kind.HARDLINK,
          mode,
          0,
          uid,
          gid,
          Optional.of(ImagePaths.clean(e.getLinkName())),
          Optional.empty());
    }
    if (e.isDirectory()) {
      return new FileEntry(
          path, FileEntry.Kind.DIRECTORY, mode, 0, uid, gid, Optional.empty(), Optional.empty());
    }
    if (e.isFile()) {
      long size = e.getSize();
      Optional<FileFacts> facts = Optional.empty();
      Optional<String> text = Optional.empty();
      if (FileEntry.keepsText(path) && size <= FileEntry.MAX_TEXT) {
        byte[] content = tar.readNBytes(FileEntry.MAX_TEXT);
        text = Optional.of(new String(content, StandardCharsets.UTF_8));
      } else if ((mode & 0111) != 0 || FACTS_DIRECTORY.matcher(parent).matches()) {
        facts = Optional.of(FileFacts.read(tar, size));
      } else if (size >= ELF_MAGIC.length) {
        // an ELF file anywhere (a library in /opt, a binary without its exec bit): its
        // architecture matters to 'dockerlint image --all-binaries'
        byte[] head = tar.readNBytes(ELF_MAGIC.length);
        if (Arrays.equals(head, ELF_MAGIC)) {
          byte[] rest = tar.readNBytes(FileFacts.PREFIX_LIMIT - head.length);
          byte[] prefix = Arrays.copyOf(head, head.length + rest.length);
          System.arraycopy(rest, 0, prefix, head.length, rest.length);
          facts = Optional.of(FileFacts.of(prefix, size));
        }
      }
      return new FileEntry(
          path, FileEntry.Kind.FILE, mode, size, uid, gid, Optional.empty(), facts, text);
    }
    return new FileEntry(
        path, FileEntry.Kind.OTHER, mode, 0, uid, gid, Optional.empty(), Optional.empty());
  }

  private static void drain(InputStream in) throws IOException {
    byte[] buf = new byte[65536];
    while (in.read(buf) >= 0) {
      // read to the end
    }
  }

  static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    String t = s.replaceAll("[\\r\\n\\t]+", " ").strip();
    return t.length() > 200 ? t.substring(0, 200) + "..." : t;
  }
}
