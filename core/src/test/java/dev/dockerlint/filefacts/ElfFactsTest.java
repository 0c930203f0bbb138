package dev.dockerlint.filefacts;

import static dev.dockerlint.filefacts.ElfBuilder.elf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.filefacts.ElfFacts.ElfClass;
import dev.dockerlint.filefacts.ElfFacts.ElfType;
import dev.dockerlint.filefacts.ElfFacts.Endianness;
import dev.dockerlint.filefacts.ElfFacts.Linkage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ElfFactsTest {
  @TempDir Path dir;

  private static ElfFacts facts(byte[] content) {
    FileFacts facts = FileFacts.of(content, content.length);
    assertThat(facts.kind()).isEqualTo(FileKind.ELF);
    return facts.elf().orElseThrow();
  }

  private static ElfFacts facts(ElfBuilder builder) {
    return facts(builder.build());
  }

  @ParameterizedTest(name = "e_machine {0}, {1}-bit, {2} endian -> {3}")
  @CsvSource({
    "62, 64, little, amd64",
    "3, 32, little, 386",
    "183, 64, little, arm64",
    "40, 32, little, arm",
    "21, 64, little, ppc64le",
    "21, 64, big, ppc64",
    "22, 64, big, s390x",
    "243, 64, little, riscv64",
    "8, 64, little, mips64le",
    "8, 64, big, mips64",
    "8, 32, little, mipsle",
    "8, 32, big, mips",
    "258, 64, little, loong64",
  })
  void machineClassAndByteOrderGiveTheOciArchitecture(
      int machine, int bits, String order, String architecture) {
    ElfBuilder builder = elf().machine(machine);
    builder = bits == 32 ? builder.class32() : builder.class64();
    if (order.equals("big")) {
      builder = builder.bigEndian();
    }

    ElfFacts facts = facts(builder);

    assertThat(facts.architecture()).contains(architecture);
    assertThat(facts.elfClass()).isEqualTo(bits == 32 ? ElfClass.ELF32 : ElfClass.ELF64);
    assertThat(facts.endianness())
        .isEqualTo(order.equals("big") ? Endianness.BIG : Endianness.LITTLE);
    assertThat(facts.machine()).isEqualTo(machine);
    assertThat(facts.malformed()).isEmpty();
  }

  @ParameterizedTest(name = "e_machine {0}, {1}-bit has no OCI architecture")
  @CsvSource({"62, 32", "20, 32", "22, 32", "243, 32", "2, 32", "50, 64"})
  void machinesWithoutAnOciNameHaveNoArchitecture(int machine, int bits) {
    ElfBuilder builder = elf().machine(machine);
    builder = bits == 32 ? builder.class32() : builder.class64();

    assertThat(facts(builder).architecture()).isEmpty();
  }

  @Test
  void machineNameIsReadable() {
    assertThat(facts(elf().machine(183)).machineName()).isEqualTo("EM_AARCH64");
    assertThat(facts(elf().machine(9999)).machineName()).isEqualTo("EM_9999");
  }

  @Test
  void osAbiIsReported() {
    ElfFacts facts = facts(elf().osAbi(9));

    assertThat(facts.osAbi()).isEqualTo(9);
    assertThat(facts.osAbiName()).isEqualTo("FreeBSD");
  }

  @Test
  void executableWithoutInterpreterIsStatic() {
    ElfFacts facts = facts(elf().type(2));

    assertThat(facts.type()).isEqualTo(ElfType.EXEC);
    assertThat(facts.linkage()).isEqualTo(Linkage.STATIC);
    assertThat(facts.isStatic()).isTrue();
    assertThat(facts.interpreter()).isEmpty();
  }

  @Test
  void interpreterMakesDynamic() {
    ElfFacts facts = facts(elf().type(2).interpreter("/lib64/ld-linux-x86-64.so.2"));

    assertThat(facts.linkage()).isEqualTo(Linkage.DYNAMIC);
    assertThat(facts.interpreter()).contains("/lib64/ld-linux-x86-64.so.2");
    assertThat(facts.isPie()).isFalse();
  }

  @Test
  void positionIndependentWithInterpreterIsPie() {
    ElfFacts facts =
        facts(elf().type(3).interpreter("/lib/ld-musl-x86_64.so.1").flags1(0x08000000L));

    assertThat(facts.type()).isEqualTo(ElfType.DYN);
    assertThat(facts.linkage()).isEqualTo(Linkage.DYNAMIC);
    assertThat(facts.isPie()).isTrue();
  }

  @Test
  void positionIndependentWithPieFlagAndNoInterpreterIsStaticPie() {
    ElfFacts facts = facts(elf().type(3).flags1(0x08000000L));

    assertThat(facts.linkage()).isEqualTo(Linkage.STATIC_PIE);
    assertThat(facts.isStatic()).isTrue();
    assertThat(facts.isPie()).isTrue();
  }

  @Test
  void positionIndependentWithoutPieFlagOrInterpreterIsASharedObject() {
    ElfFacts facts = facts(elf().type(3).soname("libfoo.so.1"));

    assertThat(facts.linkage()).isEqualTo(Linkage.SHARED_OBJECT);
    assertThat(facts.soname()).contains("libfoo.so.1");
    assertThat(facts.isPie()).isFalse();
  }

  @Test
  void relocatableObjectIsNotExecutable() {
    ElfFacts facts = facts(elf().type(1));

    assertThat(facts.type()).isEqualTo(ElfType.REL);
    assertThat(facts.linkage()).isEqualTo(Linkage.NOT_EXECUTABLE);
  }

  @Test
  void coreDumpIsNotExecutable() {
    assertThat(facts(elf().type(4)).linkage()).isEqualTo(Linkage.NOT_EXECUTABLE);
  }

  @Test
  void neededLibrariesAreListedInOrder() {
    ElfFacts facts =
        facts(elf().interpreter("/lib64/ld-linux-x86-64.so.2").needed("libssl.so.3", "libc.so.6"));

    assertThat(facts.needed()).containsExactly("libssl.so.3", "libc.so.6");
    assertThat(facts.complete()).isTrue();
  }

  @Test
  void neededLibrariesAreReadIn32BitBigEndianFiles() {
    ElfFacts facts =
        facts(
            elf().class32().bigEndian().machine(8).interpreter("/lib/ld.so.1").needed("libc.so.6"));

    assertThat(facts.needed()).containsExactly("libc.so.6");
    assertThat(facts.interpreter()).contains("/lib/ld.so.1");
  }

  @Test
  void armHardFloatFlagIsReported() {
    assertThat(facts(elf().class32().machine(40).flags(0x05000400)).floatAbi()).contains("hard");
  }

  @Test
  void armSoftFloatFlagIsReported() {
    assertThat(facts(elf().class32().machine(40).flags(0x05000200)).floatAbi()).contains("soft");
  }

  @ParameterizedTest(name = "Tag_CPU_arch {0} -> {1}")
  @CsvSource({"4, v5", "5, v5", "6, v6", "9, v6", "10, v7", "13, v7", "14, v8"})
  void armCpuArchAttributeGivesTheVariant(int cpuArch, String variant) {
    ElfFacts facts = facts(elf().class32().machine(40).armCpuArch(cpuArch));

    assertThat(facts.variant()).contains(variant);
    assertThat(facts.platform()).contains("arm/" + variant);
  }

  @Test
  void armWithoutAttributesHasNoVariant() {
    ElfFacts facts = facts(elf().class32().machine(40));

    assertThat(facts.variant()).isEmpty();
    assertThat(facts.platform()).contains("arm");
  }

  @Test
  void dynamicDataBeyondThePrefixIsReadFromAPath() throws IOException {
    Path file = dir.resolve("big");
    Files.write(
        file, elf().interpreter("/lib/ld-linux-aarch64.so.1").needed("libc.so.6").padded().build());

    ElfFacts facts = FileFacts.read(file).elf().orElseThrow();

    assertThat(facts.complete()).isTrue();
    assertThat(facts.interpreter()).contains("/lib/ld-linux-aarch64.so.1");
    assertThat(facts.needed()).containsExactly("libc.so.6");
  }

  @Test
  void dynamicDataBeyondThePrefixOfAStreamIsIncomplete() throws IOException {
    byte[] content =
        elf().interpreter("/lib/ld-linux-aarch64.so.1").needed("libc.so.6").padded().build();

    ElfFacts facts =
        FileFacts.read(new ByteArrayInputStream(content), content.length).elf().orElseThrow();

    assertThat(facts.complete()).isFalse();
    assertThat(facts.linkage()).isEqualTo(Linkage.DYNAMIC);
    assertThat(facts.needed()).isEmpty();
    assertThat(facts.malformed()).isEmpty();
  }

  @Test
  void armAttributesBeyondThePrefixAreReadFromAPath() throws IOException {
    Path file = dir.resolve("arm");
    Files.write(file, elf().class32().machine(40).armCpuArch(10).padded().build());

    assertThat(FileFacts.read(file).elf().orElseThrow().variant()).contains("v7");
  }

  @Test
  void truncatedIdentificationIsMalformed() {
    ElfFacts facts = facts(new byte[] {0x7f, 'E', 'L', 'F', 2});

    assertThat(facts.malformed()).hasValueSatisfying(m -> assertThat(m).contains("identification"));
    assertThat(facts.elfClass()).isEqualTo(ElfClass.UNKNOWN);
    assertThat(facts.linkage()).isEqualTo(Linkage.UNKNOWN);
  }

  @Test
  void invalidClassIsMalformed() {
    byte[] content = elf().build();
    content[4] = 7;

    assertThat(facts(content).malformed())
        .hasValueSatisfying(m -> assertThat(m).contains("EI_CLASS"));
  }

  @Test
  void invalidByteOrderIsMalformed() {
    byte[] content = elf().build();
    content[5] = 0;

    assertThat(facts(content).malformed())
        .hasValueSatisfying(m -> assertThat(m).contains("EI_DATA"));
  }

  @Test
  void truncatedHeaderIsMalformedButKeepsTheClass() {
    byte[] content = Arrays.copyOf(elf().build(), 40);

    ElfFacts facts = facts(content);

    assertThat(facts.malformed()).hasValueSatisfying(m -> assertThat(m).contains("header"));
    assertThat(facts.elfClass()).isEqualTo(ElfClass.ELF64);
  }

  @Test
  void programHeadersBeyondTheEndAreMalformed() {
    byte[] content = Arrays.copyOf(elf().build(), 70);

    ElfFacts facts = facts(content);

    assertThat(facts.malformed())
        .hasValueSatisfying(m -> assertThat(m).contains("program headers"));
    assertThat(facts.linkage()).isEqualTo(Linkage.UNKNOWN);
  }

  @Test
  void executableWithoutProgramHeadersIsMalformed() {
    byte[] content = elf().build();
    content[56] = 0; // e_phnum
    content[57] = 0;

    assertThat(facts(content).malformed()).contains("no program headers");
  }

  @Test
  void interpreterWithoutTerminatingNulIsMalformed() {
    byte[] content = elf().interpreter("/lib/ld.so").build();
    int end = indexOf(content, "/lib/ld.so".getBytes()) + "/lib/ld.so".length();
    content[end] = 'X';

    ElfFacts facts = facts(content);

    assertThat(facts.malformed()).contains("PT_INTERP is not NUL-terminated");
  }

  @Test
  void everyPrefixOfAnElfFileIsReadWithoutException() {
    byte[] content =
        elf()
            .class32()
            .machine(40)
            .interpreter("/lib/ld-linux-armhf.so.3")
            .needed("libc.so.6")
            .armCpuArch(10)
            .build();

    for (int length = 4; length < content.length; length++) {
      byte[] prefix = Arrays.copyOf(content, length);
      assertThat(FileFacts.of(prefix, length).kind()).isEqualTo(FileKind.ELF);
    }
  }

  @Test
  void garbageAfterTheMagicIsReadWithoutException() {
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 2000; i++) {
      byte[] content = new byte[16 + random.nextInt(600)];
      random.nextBytes(content);
      content[0] = 0x7f;
      content[1] = 'E';
      content[2] = 'L';
      content[3] = 'F';
      content[4] = (byte) (1 + random.nextInt(2));
      content[5] = (byte) (1 + random.nextInt(2));

      assertThat(FileFacts.of(content, content.length).elf()).isPresent();
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
