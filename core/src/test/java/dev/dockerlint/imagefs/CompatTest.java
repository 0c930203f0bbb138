package dev.dockerlint.imagefs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.filefacts.ElfFacts;
import dev.dockerlint.filefacts.ElfFacts.ElfClass;
import dev.dockerlint.filefacts.ElfFacts.ElfType;
import dev.dockerlint.filefacts.ElfFacts.Endianness;
import dev.dockerlint.filefacts.ElfFacts.Linkage;
import dev.dockerlint.imagefs.ExecAnalysis.Compat;
import dev.dockerlint.semantic.Platform;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which ELF binaries a platform executes natively. */
class CompatTest {

  private static ElfFacts elf(String arch, String variant) {
    return new ElfFacts(
        arch.equals("arm") || arch.equals("386") ? ElfClass.ELF32 : ElfClass.ELF64,
        Endianness.LITTLE,
        0,
        ElfType.EXEC,
        0,
        Optional.of(arch),
        Optional.ofNullable(variant),
        Optional.empty(),
        0,
        Linkage.STATIC,
        Optional.empty(),
        List.of(),
        Optional.empty(),
        true,
        Optional.empty());
  }

  private static Platform platform(String text) {
    return Platform.parse(text).orElseThrow();
  }

  @Test
  void sameArchitectureRuns() {
    assertThat(ExecAnalysis.compat(elf("amd64", null), platform("linux/amd64")))
        .isEqualTo(Compat.YES);
    assertThat(ExecAnalysis.compat(elf("arm64", null), platform("linux/arm64/v8")))
        .isEqualTo(Compat.YES);
  }

  @Test
  void otherArchitecturesDoNot() {
    assertThat(ExecAnalysis.compat(elf("arm64", null), platform("linux/amd64")))
        .isEqualTo(Compat.NO);
    assertThat(ExecAnalysis.compat(elf("amd64", null), platform("linux/arm64")))
        .isEqualTo(Compat.NO);
    assertThat(ExecAnalysis.compat(elf("s390x", null), platform("linux/ppc64le")))
        .isEqualTo(Compat.NO);
  }

  @Test
  void olderArmVariantsRunOnNewerPlatformsNotTheOtherWayRound() {
    assertThat(ExecAnalysis.compat(elf("arm", "v6"), platform("linux/arm/v7")))
        .isEqualTo(Compat.YES);
    assertThat(ExecAnalysis.compat(elf("arm", "v7"), platform("linux/arm/v6")))
        .isEqualTo(Compat.NO);
    assertThat(ExecAnalysis.compat(elf("arm", "v8"), platform("linux/arm/v7")))
        .isEqualTo(Compat.NO);
    assertThat(ExecAnalysis.compat(elf("arm", null), platform("linux/arm/v6")))
        .isEqualTo(Compat.YES);
  }

  @Test
  void compatModesOfSixtyFourBitHosts() {
    assertThat(ExecAnalysis.compat(elf("386", null), platform("linux/amd64")))
        .isEqualTo(Compat.YES);
    assertThat(ExecAnalysis.compat(elf("arm", "v7"), platform("linux/arm64")))
        .isEqualTo(Compat.MAYBE);
  }
}
