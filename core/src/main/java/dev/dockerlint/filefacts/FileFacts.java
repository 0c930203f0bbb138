package dev.dockerlint.filefacts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What a file is, judged from its first bytes: an ELF binary (and for which machine and libc), a
 * {@code #!} script (and which interpreter the kernel will run), text or other binary data.
 *
 * <p>Rules use these facts to predict why a container will not start: {@code exec format error}
 * (foreign architecture, an empty file, a byte order mark before {@code #!}, text without {@code
 * #!} in exec form), {@code no such file or directory} (a missing loader or interpreter, a CRLF
 * {@code #!} line) and so on.
 *
 * <p>Reading is bounded: at most {@link #PREFIX_LIMIT} bytes from the start, plus for ELF files
 * read from a {@link Path} a few seeks to the program headers, dynamic section and ARM attributes
 * (at most {@link ByteSource#EXTRA_READ_BUDGET} bytes more). A file of any size costs the same.
 *
 * @param kind what the kernel would make of the file
 * @param size the file size in bytes
 * @param utf8Bom whether the file starts with a UTF-8 byte order mark
 * @param crlfLineEndings whether the examined prefix contains a CRLF line ending (for text and
 *     scripts; a shell reading a CRLF script sees {@code \r} at the end of every command)
 * @param shebang the {@code #!} line, also when a byte order mark hides it from the kernel
 * @param elf ELF facts when {@link #kind()} is {@link FileKind#ELF}
 * @param binaryFormat a recognised non-ELF executable format when {@link #kind()} is {@link
 *     FileKind#BINARY}
 * @see <a href="https://docs.docker.com/reference/dockerfile/#entrypoint">Dockerfile reference:
 *     ENTRYPOINT</a>
 */
public record FileFacts(
    FileKind kind,
    long size,
    boolean utf8Bom,
    boolean crlfLineEndings,
    Optional<Shebang> shebang,
    Optional<ElfFacts> elf,
    Optional<BinaryFormat> binaryFormat) {

  /** At most this many bytes are read from the start of a file. */
  public static final int PREFIX_LIMIT = 64 * 1024;

  /** Bytes examined for NUL and control characters when telling text from binary data. */
  static final int TEXT_SNIFF = 8000;

  public FileFacts {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(shebang, "shebang");
    Objects.requireNonNull(elf, "elf");
    Objects.requireNonNull(binaryFormat, "binaryFormat");
  }

  /**
   * Reads the facts of a regular file. ELF data beyond the prefix is reached by seeking.
   *
   * @throws IOException if the file cannot be opened or read
   */
  public static FileFacts read(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size, PREFIX_LIMIT));
      while (buffer.hasRemaining()) {
        if (channel.read(buffer) < 0) {
          break;
        }
      }
      byte[] prefix = Arrays.copyOf(buffer.array(), buffer.position());
      return classify(ByteSource.ofChannel(prefix, Math.max(size, prefix.length), channel));
    }
  }

  /**
   * Reads the facts from a stream positioned at the start of a file of {@code size} bytes. Reads at
   * most {@link #PREFIX_LIMIT} bytes and does not close the stream. ELF data beyond the prefix
   * cannot be reached, which {@link ElfFacts#complete()} reports.
   *
   * @param size the file size, or a negative number if unknown (then the bytes read count)
   * @throws IOException if the stream fails
   */
  public static FileFacts read(InputStream in, long size) throws IOException {
    byte[] prefix = in.readNBytes(PREFIX_LIMIT);
    return classify(ByteSource.ofPrefix(prefix, Math.max(size, prefix.length)));
  }

  /** Reads the facts of a file whose content (or first bytes) is given. */
  public static FileFacts of(byte[] content, long size) {
    byte[] prefix = content.length > PREFIX_LIMIT ? Arrays.copyOf(content, PREFIX_LIMIT) : content;
    try {
      return classify(ByteSource.ofPrefix(prefix, Math.max(size, content.length)));
    } catch (IOException e) {
      throw new IllegalStateException("reading an in-memory prefix cannot fail", e);
    }
  }

  private static FileFacts classify(ByteSource src) throws IOException {
    byte[] p = src.prefix();
    int n = p.length;
    if (src.size() == 0) {
      return new FileFacts(
          FileKind.EMPTY, 0, false, false, Optional.empty(), Optional.empty(), Optional.empty());
    }
    if (n >= 4 && p[0] == 0x7f && p[1] == 'E' && p[2] == 'L' && p[3] == 'F') {
      return new FileFacts(
          FileKind.ELF,
          src.size(),
          false,
          false,
          Optional.empty(),
          Optional.of(ElfReader.read(src)),
          Optional.empty());
    }
    boolean bom = startsWithBom(p, n);
    Optional<Shebang> shebang = Shebang.parse(p, n);
    boolean crlf = containsCrlf(p, n);
    if (shebang.isPresent() && !bom) {
      return new FileFacts(
          FileKind.SCRIPT, src.size(), false, crlf, shebang, Optional.empty(), Optional.empty());
    }
    if (!looksLikeText(p, n)) {
      return new FileFacts(
          FileKind.BINARY,
          src.size(),
          bom,
          false,
          Optional.empty(),
          Optional.empty(),
          Optional.of(binaryFormat(p, n)));
    }
    return new FileFacts(
        FileKind.TEXT, src.size(), bom, crlf, shebang, Optional.empty(), Optional.empty());
  }

  static boolean startsWithBom(byte[] p, int n) {
    return n >= 3 && (p[0] & 0xff) == 0xef && (p[1] & 0xff) == 0xbb && (p[2] & 0xff) == 0xbf;
  }

  private static boolean containsCrlf(byte[] p, int n) {
    for (int i = 1; i < n; i++) {
      if (p[i] == '\n' && p[i - 1] == '\r') {
        return true;
      }
    }
    return false;
  }

  /**
   * Text has no NUL byte and few control characters in its first {@link #TEXT_SNIFF} bytes (the
   * heuristic git and grep use, plus a control-character ratio for non-UTF-8 binaries).
   */
  private static boolean looksLikeText(byte[] p, int n) {
    int limit = Math.min(n, TEXT_SNIFF);
    int control = 0;
    for (int i = 0; i < limit; i++) {
      int b = p[i] & 0xff;
      if (b == 0) {
        return false;
      }
      boolean allowed = b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == 0x1b || b == 0x08;
      if ((b < 0x20 && !allowed) || b == 0x7f) {
        control++;
      }
    }
    return control * 10 <= limit;
  }

  private static BinaryFormat binaryFormat(byte[] p, int n) {
    if (n >= 4 && p[0] == 0 && p[1] == 'a' && p[2] == 's' && p[3] == 'm') {
      return BinaryFormat.WASM;
    }
    if (n >= 4) {
      int magic = (p[0] & 0xff) << 24 | (p[1] & 0xff) << 16 | (p[2] & 0xff) << 8 | (p[3] & 0xff);
      if (magic == 0xfeedface
          || magic == 0xfeedfacf
          || magic == 0xcefaedfe
          || magic == 0xcffaedfe) {
        return BinaryFormat.MACH_O;
      }
    }
    if (n >= 2 && p[0] == 'M' && p[1] == 'Z') {
      return BinaryFormat.PE;
    }
    return BinaryFormat.UNKNOWN;
  }
}
