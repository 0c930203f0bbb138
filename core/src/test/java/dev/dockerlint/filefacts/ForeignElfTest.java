package dev.dockerlint.filefacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dockerlint.filefacts.ElfFacts.Endianness;
import dev.dockerlint.filefacts.ElfFacts.Linkage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reads real Debian binaries of foreign architectures, fetched by {@code
 * core/src/test/fixtures/fetch-foreign-elves.sh} into {@code $HOME/.cache/dockerlint-test} (or the
 * folder in the system property {@code dockerlint.fixtures}). Skipped when they are missing, unless
 * {@code -Ddockerlint.requireFixtures=true} makes them required.
 */
class ForeignElfTest {
  private static Path root;

  @BeforeEach
  void findFixtures() {
    String base =
        System.getProperty(
            "dockerlint.fixtures",
            Path.of(System.getProperty("user.home"), ".cache", "dockerlint-test").toString());
    root = Path.of(base, "foreign-elves");
    if (!Files.isRegularFile(root.resolve("arm64/ld-musl"))) {
      String why =
          "foreign ELF fixtures missing in "
              + root
              + "; run core/src/test/fixtures/fetch-foreign-elves.sh";
      if (Boolean.getBoolean("dockerlint.requireFixtures")) {
        fail(why + " (required by -Ddockerlint.requireFixtures=true)");
      }
      Assumptions.abort(why);
    }
  }

  private static ElfFacts read(String name) throws IOException {
    FileFacts facts = FileFacts.read(root.resolve(name));
    assertThat(facts.kind()).isEqualTo(FileKind.ELF);
    ElfFacts elf = facts.elf().orElseThrow();
    assertThat(elf.malformed()).isEmpty();
    assertThat(elf.complete()).isTrue();
    return elf;
  }

  @ParameterizedTest(name = "{0}/busybox is a static {1}")
  @CsvSource({
    "arm64, arm64, LITTLE",
    "armhf, arm/v7, LITTLE",
    "armel, arm/v5, LITTLE",
    "i386, 386, LITTLE",
    "ppc64el, ppc64le, LITTLE",
    "s390x, s390x, BIG",
    "mips64el, mips64le, LITTLE",
    "mipsel, mipsle, LITTLE",
  })
  void staticBusyboxHasTheDebianArchitecture(String debianArch, String platform, Endianness order)
      throws IOException {
    ElfFacts elf = read(debianArch + "/busybox");

    assertThat(elf.platform()).contains(platform);
    assertThat(elf.endianness()).isEqualTo(order);
    assertThat(elf.linkage()).isEqualTo(Linkage.STATIC);
    assertThat(elf.interpreter()).isEmpty();
  }

  @ParameterizedTest(name = "{0}/hello is a dynamic {1} PIE loaded by {2}")
  @CsvSource({
    "arm64, arm64, /lib/ld-linux-aarch64.so.1",
    "armhf, arm/v7, /lib/ld-linux-armhf.so.3",
    "armel, arm/v5, /lib/ld-linux.so.3",
    "i386, 386, /lib/ld-linux.so.2",
    "ppc64el, ppc64le, /lib64/ld64.so.2",
    "s390x, s390x, /lib/ld64.so.1",
    "mips64el, mips64le, /lib64/ld.so.1",
    "mipsel, mipsle, /lib/ld.so.1",
  })
  void dynamicHelloNeedsTheGlibcLoaderOfItsArchitecture(
      String debianArch, String platform, String loader) throws IOException {
    ElfFacts elf = read(debianArch + "/hello");

    assertThat(elf.platform()).contains(platform);
    assertThat(elf.linkage()).isEqualTo(Linkage.DYNAMIC);
    assertThat(elf.isPie()).isTrue();
    assertThat(elf.interpreter()).contains(loader);
    assertThat(elf.needed()).contains("libc.so.6");
    LibcLoader known = LibcLoader.forPath(loader).orElseThrow();
    assertThat(known.libc()).isEqualTo(LibcLoader.Libc.GLIBC);
    assertThat(known.architectures()).contains(elf.architecture().orElseThrow());
  }

  @ParameterizedTest(name = "{0} ARM binaries use the {1} float ABI")
  @CsvSource({"armhf, hard", "armel, soft"})
  void armFloatAbiMatchesTheDebianPort(String debianArch, String floatAbi) throws IOException {
    assertThat(read(debianArch + "/hello").floatAbi()).isEqualTo(Optional.of(floatAbi));
    assertThat(read(debianArch + "/busybox").floatAbi()).isEqualTo(Optional.of(floatAbi));
  }

  @ParameterizedTest(name = "musl's loader for arm64 is a shared object")
  @CsvSource({"arm64/ld-musl"})
  void muslLoaderIsASharedObjectWithoutLoader(String name) throws IOException {
    ElfFacts elf = read(name);

    assertThat(elf.architecture()).contains("arm64");
    assertThat(elf.linkage()).isEqualTo(Linkage.SHARED_OBJECT);
    assertThat(elf.interpreter()).isEmpty();
  }
}
