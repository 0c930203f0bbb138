package dev.dockerlint.filefacts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.filefacts.LibcLoader.Libc;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LibcLoaderTest {
  @ParameterizedTest(name = "{0} is {1} for {2}")
  @CsvSource({
    "/lib64/ld-linux-x86-64.so.2, GLIBC, amd64",
    "/lib/ld-linux.so.2, GLIBC, 386",
    "/lib/ld-linux-aarch64.so.1, GLIBC, arm64",
    "/lib/ld-linux-armhf.so.3, GLIBC, arm",
    "/lib/ld-linux.so.3, GLIBC, arm",
    "/lib64/ld64.so.2, GLIBC, ppc64le",
    "/lib/ld64.so.1, GLIBC, s390x",
    "/lib/ld-linux-riscv64-lp64d.so.1, GLIBC, riscv64",
    "/lib64/ld-linux-loongarch-lp64d.so.1, GLIBC, loong64",
    "/lib/ld-musl-x86_64.so.1, MUSL, amd64",
    "/lib/ld-musl-aarch64.so.1, MUSL, arm64",
    "/lib/ld-musl-armhf.so.1, MUSL, arm",
    "/lib/ld-musl-i386.so.1, MUSL, 386",
    "/lib/ld-musl-powerpc64le.so.1, MUSL, ppc64le",
    "/lib/ld-musl-s390x.so.1, MUSL, s390x",
    "/lib/ld-musl-riscv64.so.1, MUSL, riscv64",
    "/lib/ld-musl-mips64el.so.1, MUSL, mips64le",
    "/lib/ld-musl-mipsel-sf.so.1, MUSL, mipsle",
  })
  void knownLoaderPathGivesLibcAndArchitecture(String path, Libc libc, String architecture) {
    LibcLoader loader = LibcLoader.forPath(path).orElseThrow();

    assertThat(loader.libc()).isEqualTo(libc);
    assertThat(loader.architectures()).contains(architecture);
  }

  @Test
  void sharedLoaderPathNamesEveryArchitectureUsingIt() {
    assertThat(LibcLoader.forPath("/lib/ld.so.1").orElseThrow().architectures())
        .containsExactlyInAnyOrder("mipsle", "mips");
  }

  @Test
  void armLoadersTellTheFloatAbi() {
    assertThat(LibcLoader.forPath("/lib/ld-linux-armhf.so.3").orElseThrow().floatAbi())
        .contains("hard");
    assertThat(LibcLoader.forPath("/lib/ld-linux.so.3").orElseThrow().floatAbi()).contains("soft");
    assertThat(LibcLoader.forPath("/lib/ld-musl-armhf.so.1").orElseThrow().floatAbi())
        .contains("hard");
    assertThat(LibcLoader.forPath("/lib/ld-musl-arm.so.1").orElseThrow().floatAbi())
        .contains("soft");
  }

  @Test
  void unknownPathIsNotALoader() {
    assertThat(LibcLoader.forPath("/usr/lib/libc.so.6")).isEmpty();
    assertThat(LibcLoader.forPath("/lib/ld-musl-vax.so.1")).isEmpty();
  }

  @Test
  void pathForGivesTheLoaderABinaryWouldAskFor() {
    assertThat(LibcLoader.pathFor(Libc.GLIBC, "amd64", Optional.empty()))
        .contains("/lib64/ld-linux-x86-64.so.2");
    assertThat(LibcLoader.pathFor(Libc.MUSL, "arm64", Optional.empty()))
        .contains("/lib/ld-musl-aarch64.so.1");
    assertThat(LibcLoader.pathFor(Libc.GLIBC, "arm", Optional.of("soft")))
        .contains("/lib/ld-linux.so.3");
    assertThat(LibcLoader.pathFor(Libc.MUSL, "arm", Optional.empty()))
        .contains("/lib/ld-musl-armhf.so.1");
    assertThat(LibcLoader.pathFor(Libc.MUSL, "wasm", Optional.empty())).isEmpty();
  }

  @Test
  void pathForAndForPathAgree() {
    for (String arch : new String[] {"amd64", "386", "arm64", "ppc64le", "s390x", "riscv64"}) {
      for (Libc libc : Libc.values()) {
        String path = LibcLoader.pathFor(libc, arch, Optional.empty()).orElseThrow();
        LibcLoader loader = LibcLoader.forPath(path).orElseThrow();
        assertThat(loader.libc()).isEqualTo(libc);
        assertThat(loader.architectures()).contains(arch);
      }
    }
  }
}
