package dev.dockerlint.filefacts;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the ELF header, program headers and dynamic section say about a binary: enough to predict
 * whether a container can start it.
 *
 * <ul>
 *   <li>The wrong {@link #architecture()} for the image platform gives {@code exec format error}.
 *   <li>A dynamic binary whose {@link #interpreter()} (the dynamic loader, e.g. {@code
 *       /lib/ld-musl-x86_64.so.1}) is missing from the image gives {@code no such file or
 *       directory} even though the binary itself exists. {@link LibcLoader} tells which libc and
 *       architecture a loader path belongs to.
 *   <li>{@link #needed()} names the shared libraries the loader must find.
 * </ul>
 *
 * <p>A malformed or truncated file still yields an {@code ElfFacts}, with {@link #malformed()}
 * saying what is wrong; fields that could not be read hold {@code UNKNOWN} or are empty. When the
 * facts were read from a stream, data beyond the bounded prefix cannot be reached, and {@link
 * #complete()} is false.
 *
 * @param elfClass 32 or 64 bit ({@code EI_CLASS})
 * @param endianness byte order ({@code EI_DATA})
 * @param osAbi raw {@code EI_OSABI}; Linux ignores it, so it explains rather than predicts
 * @param type {@code e_type}
 * @param machine raw {@code e_machine}
 * @param architecture the OCI / Go {@code GOARCH} name for {@code e_machine}, class and byte order
 *     (amd64, arm64, arm, 386, ppc64le, ppc64, s390x, riscv64, mips64le, mips64, mipsle, mips,
 *     loong64); empty when the machine has no OCI name
 * @param variant the OCI platform variant: {@code v5}, {@code v6}, {@code v7} or {@code v8} for 32
 *     bit ARM, taken from {@code Tag_CPU_arch} in the {@code .ARM.attributes} section; empty when
 *     unknown or not applicable
 * @param floatAbi {@code "hard"} or {@code "soft"} for 32 bit ARM EABI binaries (from {@code
 *     e_flags}); armhf images need hard, armel images soft
 * @param flags raw {@code e_flags}
 * @param linkage static, static-pie, dynamic, ...
 * @param interpreter the {@code PT_INTERP} path of the dynamic loader
 * @param needed {@code DT_NEEDED} entries in file order (bounded to {@link #MAX_NEEDED})
 * @param soname {@code DT_SONAME}, present for most shared libraries
 * @param complete false when some of the data above lay beyond what could be read
 * @param malformed why the file is not a well-formed ELF file, if it is not
 */
public record ElfFacts(
    ElfClass elfClass,
    Endianness endianness,
    int osAbi,
    ElfType type,
    int machine,
    Optional<String> architecture,
    Optional<String> variant,
    Optional<String> floatAbi,
    int flags,
    Linkage linkage,
    Optional<String> interpreter,
    List<String> needed,
    Optional<String> soname,
    boolean complete,
    Optional<String> malformed) {

  /** At most this many {@code DT_NEEDED} entries are reported. */
  public static final int MAX_NEEDED = 256;

  /** {@code EI_CLASS}. */
  public enum ElfClass {
    ELF32,
    ELF64,
    UNKNOWN
  }

  /** {@code EI_DATA}. */
  public enum Endianness {
    LITTLE,
    BIG,
    UNKNOWN
  }

  /** {@code e_type}. */
  public enum ElfType {
    NONE,
    /** Relocatable object ({@code .o}); not executable. */
    REL,
    /** Executable at a fixed address. */
    EXEC,
    /** Position-independent: a PIE executable, a static-pie executable or a shared library. */
    DYN,
    /** Core dump; not executable. */
    CORE,
    /** Any other value (OS or processor specific). */
    OTHER
  }

  /** How the binary gets its libraries, which decides what the image must contain. */
  public enum Linkage {
    /** {@code ET_EXEC} without {@code PT_INTERP}: runs on any kernel of its architecture. */
    STATIC,
    /**
     * {@code ET_DYN} without {@code PT_INTERP} and with {@code DF_1_PIE}: a static-pie executable,
     * which also needs no loader.
     */
    STATIC_PIE,
    /** Has {@code PT_INTERP}: the named loader and the {@link #needed()} libraries must exist. */
    DYNAMIC,
    /**
     * {@code ET_DYN} without {@code PT_INTERP} and without {@code DF_1_PIE}: a shared library, or a
     * loader such as {@code ld-musl-*.so.1} that can also run directly, or a static-pie made by an
     * old linker. Running it as a program rarely works.
     */
    SHARED_OBJECT,
    /** {@code ET_REL}, {@code ET_CORE} and others: the kernel refuses to execute them. */
    NOT_EXECUTABLE,
    /** The headers could not be read far enough to tell. */
    UNKNOWN
  }

  public ElfFacts {
    Objects.requireNonNull(elfClass, "elfClass");
    Objects.requireNonNull(endianness, "endianness");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(architecture, "architecture");
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(floatAbi, "floatAbi");
    Objects.requireNonNull(linkage, "linkage");
    Objects.requireNonNull(interpreter, "interpreter");
    needed = List.copyOf(needed);
    Objects.requireNonNull(soname, "soname");
    Objects.requireNonNull(malformed, "malformed");
  }

  /** Whether the binary is position independent and meant to be run (PIE or static-pie). */
  public boolean isPie() {
    return type == ElfType.DYN && (linkage == Linkage.DYNAMIC || linkage == Linkage.STATIC_PIE);
  }

  /** Whether it needs no dynamic loader ({@link Linkage#STATIC} or {@link Linkage#STATIC_PIE}). */
  public boolean isStatic() {
    return linkage == Linkage.STATIC || linkage == Linkage.STATIC_PIE;
  }

  /**
   * The OCI platform string without the OS, e.g. {@code arm64}, {@code arm/v7}; empty when the
   * architecture has no OCI name.
   */
  public Optional<String> platform() {
    return architecture.map(a -> variant.map(v -> a + "/" + v).orElse(a));
  }

  /** A name for {@code e_machine}, e.g. {@code EM_AARCH64}, or {@code EM_<number>}. */
  public String machineName() {
    return Machines.name(machine);
  }

  /** A name for {@code EI_OSABI}, e.g. {@code SYSV}, {@code GNU/Linux}, {@code FreeBSD}. */
  public String osAbiName() {
    return Machines.osAbiName(osAbi);
  }
}
