package dev.dockerlint.filefacts;

import dev.dockerlint.filefacts.ElfFacts.ElfClass;
import dev.dockerlint.filefacts.ElfFacts.Endianness;
import java.util.Map;
import java.util.Optional;

/** ELF {@code e_machine} and {@code EI_OSABI} values and their OCI / Go names. */
final class Machines {
  static final int EM_SPARC = 2;
  static final int EM_386 = 3;
  static final int EM_MIPS = 8;
  static final int EM_PPC = 20;
  static final int EM_PPC64 = 21;
  static final int EM_S390 = 22;
  static final int EM_ARM = 40;
  static final int EM_SPARCV9 = 43;
  static final int EM_IA_64 = 50;
  static final int EM_X86_64 = 62;
  static final int EM_AARCH64 = 183;
  static final int EM_RISCV = 243;
  static final int EM_LOONGARCH = 258;

  private static final Map<Integer, String> NAMES =
      Map.ofEntries(
          Map.entry(EM_SPARC, "EM_SPARC"),
          Map.entry(EM_386, "EM_386"),
          Map.entry(EM_MIPS, "EM_MIPS"),
          Map.entry(EM_PPC, "EM_PPC"),
          Map.entry(EM_PPC64, "EM_PPC64"),
          Map.entry(EM_S390, "EM_S390"),
          Map.entry(EM_ARM, "EM_ARM"),
          Map.entry(EM_SPARCV9, "EM_SPARCV9"),
          Map.entry(EM_IA_64, "EM_IA_64"),
          Map.entry(EM_X86_64, "EM_X86_64"),
          Map.entry(EM_AARCH64, "EM_AARCH64"),
          Map.entry(EM_RISCV, "EM_RISCV"),
          Map.entry(EM_LOONGARCH, "EM_LOONGARCH"));

  private static final Map<Integer, String> OS_ABIS =
      Map.ofEntries(
          Map.entry(0, "SYSV"),
          Map.entry(1, "HP-UX"),
          Map.entry(2, "NetBSD"),
          Map.entry(3, "GNU/Linux"),
          Map.entry(6, "Solaris"),
          Map.entry(7, "AIX"),
          Map.entry(8, "IRIX"),
          Map.entry(9, "FreeBSD"),
          Map.entry(12, "OpenBSD"),
          Map.entry(97, "ARM"),
          Map.entry(255, "Standalone"));

  private Machines() {}

  static String name(int machine) {
    return NAMES.getOrDefault(machine, "EM_" + machine);
  }

  static String osAbiName(int osAbi) {
    return OS_ABIS.getOrDefault(osAbi, "OSABI_" + osAbi);
  }

  /**
   * The Go {@code GOARCH} name, which OCI image indexes use, for a machine of the given class and
   * byte order. Machines Go does not support (x32, 32-bit PowerPC, s390, riscv32, SPARC, IA-64)
   * have none.
   */
  static Optional<String> architecture(int machine, ElfClass elfClass, Endianness endianness) {
    boolean is64 = elfClass == ElfClass.ELF64;
    boolean little = endianness == Endianness.LITTLE;
    String arch =
        switch (machine) {
          case EM_386 -> elfClass == ElfClass.ELF32 ? "386" : null;
          case EM_X86_64 -> is64 ? "amd64" : null;
          case EM_ARM -> elfClass == ElfClass.ELF32 ? "arm" : null;
          case EM_AARCH64 -> is64 ? "arm64" : null;
          case EM_PPC64 -> is64 ? (little ? "ppc64le" : "ppc64") : null;
          case EM_S390 -> is64 ? "s390x" : null;
          case EM_RISCV -> is64 ? "riscv64" : null;
          case EM_LOONGARCH -> is64 ? "loong64" : null;
          case EM_MIPS -> is64 ? (little ? "mips64le" : "mips64") : (little ? "mipsle" : "mips");
          default -> null;
        };
    return Optional.ofNullable(arch);
  }
}
