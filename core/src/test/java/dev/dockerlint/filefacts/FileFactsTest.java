package dev.dockerlint.filefacts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileFactsTest {
  @TempDir Path dir;

  private static FileFacts of(String content) {
    byte[] bytes = content.getBytes(UTF_8);
    return FileFacts.of(bytes, bytes.length);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void emptyFileIsEmpty() throws IOException {
    Path file = Files.createFile(dir.resolve("empty"));

    FileFacts facts = FileFacts.read(file);

    assertThat(facts.kind()).isEqualTo(FileKind.EMPTY);
    assertThat(facts.size()).isZero();
  }

  @Test
  void hashBangMakesAScript() {
    FileFacts facts = of("#!/bin/sh -e\necho hi\n");

    assertThat(facts.kind()).isEqualTo(FileKind.SCRIPT);
    assertThat(facts.shebang())
        .hasValueSatisfying(s -> assertThat(s.interpreter()).isEqualTo("/bin/sh"));
  }

  @Test
  void textWithoutHashBangIsText() {
    FileFacts facts = of("echo hi\n");

    assertThat(facts.kind()).isEqualTo(FileKind.TEXT);
    assertThat(facts.shebang()).isEmpty();
  }

  @Test
  void byteOrderMarkHidesTheShebangFromTheKernel() {
    byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
    byte[] content = concat(bom, "#!/bin/sh\necho hi\n".getBytes(UTF_8));

    FileFacts facts = FileFacts.of(content, content.length);

    assertThat(facts.kind()).isEqualTo(FileKind.TEXT);
    assertThat(facts.utf8Bom()).isTrue();
    assertThat(facts.shebang())
        .hasValueSatisfying(
            s -> {
              assertThat(s.precededByBom()).isTrue();
              assertThat(s.recognizedByKernel()).isFalse();
              assertThat(s.interpreter()).isEqualTo("/bin/sh");
            });
  }

  @Test
  void crlfLineEndingsAreReportedForScripts() {
    FileFacts facts = of("#!/bin/sh\r\necho hi\r\n");

    assertThat(facts.crlfLineEndings()).isTrue();
    assertThat(facts.shebang()).hasValueSatisfying(s -> assertThat(s.crlf()).isTrue());
  }

  @Test
  void crlfLaterInTheFileIsReportedEvenWhenTheShebangLineIsClean() {
    FileFacts facts = of("#!/bin/sh\necho hi\r\n");

    assertThat(facts.crlfLineEndings()).isTrue();
    assertThat(facts.shebang()).hasValueSatisfying(s -> assertThat(s.crlf()).isFalse());
  }

  @Test
  void unixLineEndingsAreNotCrlf() {
    assertThat(of("a\nb\n").crlfLineEndings()).isFalse();
  }

  @Test
  void nulByteMakesBinary() {
    byte[] content = {'a', 'b', 0, 'c'};

    FileFacts facts = FileFacts.of(content, content.length);

    assertThat(facts.kind()).isEqualTo(FileKind.BINARY);
    assertThat(facts.binaryFormat()).contains(BinaryFormat.UNKNOWN);
  }

  @Test
  void webAssemblyIsBinaryNotElf() {
    byte[] content = {0, 'a', 's', 'm', 1, 0, 0, 0};

    FileFacts facts = FileFacts.of(content, content.length);

    assertThat(facts.kind()).isEqualTo(FileKind.BINARY);
    assertThat(facts.binaryFormat()).contains(BinaryFormat.WASM);
    assertThat(facts.elf()).isEmpty();
  }

  @Test
  void windowsExecutableIsRecognised() {
    byte[] content = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};

    assertThat(FileFacts.of(content, content.length).binaryFormat()).contains(BinaryFormat.PE);
  }

  @Test
  void machOExecutableIsRecognised() {
    byte[] content = {(byte) 0xcf, (byte) 0xfa, (byte) 0xed, (byte) 0xfe, 7, 0, 0, 1};

    assertThat(FileFacts.of(content, content.length).binaryFormat()).contains(BinaryFormat.MACH_O);
  }

  @Test
  void textStartingWithMzIsStillText() {
    assertThat(of("MZ is a fine name\n").kind()).isEqualTo(FileKind.TEXT);
  }

  @Test
  void elfMagicMakesElf() {
    byte[] content = ElfBuilder.elf().build();

    FileFacts facts = FileFacts.of(content, content.length);

    assertThat(facts.kind()).isEqualTo(FileKind.ELF);
    assertThat(facts.elf()).isPresent();
  }

  @Test
  void readsOnlyAPrefixOfAHugeFile() throws IOException {
    Path file = dir.resolve("huge");
    Files.writeString(file, "#!/bin/sh\necho hi\n");
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(10L * 1024 * 1024 * 1024);
    }

    FileFacts facts = FileFacts.read(file);

    assertThat(facts.kind()).isEqualTo(FileKind.SCRIPT);
    assertThat(facts.size()).isEqualTo(10L * 1024 * 1024 * 1024);
  }

  @Test
  void streamIsReadNoFurtherThanThePrefixLimit() throws IOException {
    CountingEndlessStream in = new CountingEndlessStream();

    FileFacts facts = FileFacts.read(in, Long.MAX_VALUE);

    assertThat(in.read).isLessThanOrEqualTo(FileFacts.PREFIX_LIMIT);
    assertThat(facts.kind()).isEqualTo(FileKind.TEXT);
  }

  @Test
  void streamOfUnknownSizeCountsTheBytesRead() throws IOException {
    FileFacts facts = FileFacts.read(InputStream.nullInputStream(), -1);

    assertThat(facts.kind()).isEqualTo(FileKind.EMPTY);
  }

  /** An endless stream of 'a' that counts what is read from it. */
  private static final class CountingEndlessStream extends InputStream {
    long read;

    @Override
    public int read() {
      read++;
      return 'a';
    }

    @Override
    public int read(byte[] b, int off, int len) {
      java.util.Arrays.fill(b, off, off + len, (byte) 'a');
      read += len;
      return len;
    }
  }
}
