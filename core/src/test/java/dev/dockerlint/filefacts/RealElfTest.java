package dev.dockerlint.filefacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockerlint.filefacts.ElfFacts.Linkage;
import dev.dockerlint.filefacts.LibcLoader.Libc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Reads binaries of the machine running the tests (an x86-64 Debian with glibc). */
class RealElfTest {
  private static final Path LS = Path.of("/bin/ls");

  @Test
  void binLsIsADynamicGlibcAmd64Pie() throws IOException {
    assumeTrue(
        System.getProperty("os.arch").equals("amd64") && Files.isRegularFile(LS),
        "needs an x86-64 Linux machine with /bin/ls");

    FileFacts facts = FileFacts.read(LS);

    assertThat(facts.kind()).isEqualTo(FileKind.ELF);
    ElfFacts elf = facts.elf().orElseThrow();
    assertThat(elf.architecture()).contains("amd64");
    assertThat(elf.linkage()).isEqualTo(Linkage.DYNAMIC);
    assertThat(elf.isPie()).isTrue();
    assertThat(elf.interpreter()).contains("/lib64/ld-linux-x86-64.so.2");
    assertThat(elf.needed()).contains("libc.so.6");
    assertThat(elf.complete()).isTrue();
    assertThat(elf.malformed()).isEmpty();
    assertThat(LibcLoader.forPath(elf.interpreter().orElseThrow()))
        .hasValueSatisfying(l -> assertThat(l.libc()).isEqualTo(Libc.GLIBC));
  }
}
