package dev.dockerlint.filefacts;

import dev.dockerlint.filefacts.ElfFacts.ElfClass;
import dev.dockerlint.filefacts.ElfFacts.ElfType;
import dev.dockerlint.filefacts.ElfFacts.Endianness;
import dev.dockerlint.filefacts.ElfFacts.Linkage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@link ElfFacts} with bounded reads. Field offsets follow the System V gABI ("ELF-64 Object
 * File Format" and the 32-bit original); the kernel checks mirrored here are those of Linux {@code
 * fs/binfmt_elf.c}.
 */
final class ElfReader {
  static final int PT_LOAD = 1;
  static final int PT_DYNAMIC = 2;
  static final int PT_INTERP = 3;
  static final long DT_NULL = 0;
  static final long DT_NEEDED = 1;
  static final long DT_STRTAB = 5;
  static final long DT_STRSZ = 10;
  static final long DT_SONAME = 14;
  static final long DT_FLAGS_1 = 0x6ffffffbL;
  static final long DF_1_PIE = 0x08000000L;
  static final int SHT_ARM_ATTRIBUTES = 0x70000003;

  private static final int MAX_PROGRAM_HEADERS = 1024;
  private static final int MAX_SECTION_HEADERS = 4096;
  private static final int MAX_INTERP = 4096;
  private static final int MAX_DYNAMIC = 64 * 1024;
  private static final int MAX_STRING = 1024;
  private static final int MAX_ATTRIBUTES = 64 * 1024;

  private final ByteSource src;
  private ElfClass elfClass = ElfClass.UNKNOWN;
  private Endianness endianness = Endianness.UNKNOWN;
  private int osAbi;
  private ElfType type = ElfType.NONE;
  private int machine;
  private int flags;
  private Linkage linkage = Linkage.UNKNOWN;
  private String interpreter;
  private final List<String> needed = new ArrayList<>();
  private String soname;
  private String variant;
  private boolean complete = true;
  private String malformed;
  private final List<long[]> loads = new ArrayList<>();

  private ElfReader(ByteSource src) {
    this.src = src;
  }

  /** Reads the facts; {@code src} must start with the ELF magic. Never throws on bad data. */
  static ElfFacts read(ByteSource src) throws IOException {
    ElfReader reader = new ElfReader(src);
    reader.parse();
    return reader.facts();
  }

  private ElfFacts facts() {
    Optional<String> arch = Machines.architecture(machine, elfClass, endianness);
    Optional<String> floatAbi = Optional.empty();
    if (machine == Machines.EM_ARM && elfClass == ElfClass.ELF32) {
      if ((flags & 0x400) != 0) {
        floatAbi = Optional.of("hard");
      } else if ((flags & 0x200) != 0) {
        floatAbi = Optional.of("soft");
      }
    }
    return new ElfFacts(
        elfClass,
        endianness,
        osAbi,
        type,
        machine,
        arch,
        Optional.ofNullable(variant),
        floatAbi,
        flags,
        linkage,
        Optional.ofNullable(interpreter),
        needed,
        Optional.ofNullable(soname),
        complete,
        Optional.ofNullable(malformed));
  }

  private void parse() throws IOException {
    byte[] prefix = src.prefix();
    if (prefix.length < 16) {
      malformed = "truncated ELF identification (" + prefix.length + " of 16 bytes)";
      return;
    }
    switch (prefix[4]) {
      case 1 -> elfClass = ElfClass.ELF32;
      case 2 -> elfClass = ElfClass.ELF64;
      default -> {
        malformed = "invalid EI_CLASS " + (prefix[4] & 0xff);
        return;
      }
    }
    switch (prefix[5]) {
      case 1 -> endianness = Endianness.LITTLE;
      case 2 -> endianness = Endianness.BIG;
      default -> {
        malformed = "invalid EI_DATA " + (prefix[5] & 0xff);
        return;
      }
    }
    osAbi = prefix[7] & 0xff;
    boolean is64 = elfClass == ElfClass.ELF64;
    int headerSize = is64 ? 64 : 52;
    if (prefix.length < headerSize) {
      malformed = "truncated ELF header (" + prefix.length + " of " + headerSize + " bytes)";
      return;
    }
    Fields h = new Fields(prefix);
    type = typeOf(h.u16(16));
    machine = h.u16(18);
    long phoff = is64 ? h.u64(32) : h.u32(28);
    long shoff = is64 ? h.u64(40) : h.u32(32);
    flags = (int) h.u32(is64 ? 48 : 36);
    int phentsize = h.u16(is64 ? 54 : 42);
    int phnum = h.u16(is64 ? 56 : 44);
    int shentsize = h.u16(is64 ? 58 : 46);
    int shnum = h.u16(is64 ? 60 : 48);

    if (type == ElfType.REL
        || type == ElfType.CORE
        || type == ElfType.NONE
        || type == ElfType.OTHER) {
      linkage = Linkage.NOT_EXECUTABLE;
    }
    if (!readProgramHeaders(phoff, phentsize, phnum, is64)) {
      return;
    }
    if (machine == Machines.EM_ARM && elfClass == ElfClass.ELF32) {
      readArmAttributes(shoff, shentsize, shnum);
    }
  }

  private boolean readProgramHeaders(long phoff, int phentsize, int phnum, boolean is64)
      throws IOException {
    int minEntry = is64 ? 56 : 32;
    if (phnum == 0) {
      if (type == ElfType.EXEC || type == ElfType.DYN) {
        malformed = "no program headers";
        unknownLinkage();
      }
      return false;
    }
    if (phentsize < minEntry) {
      malformed = "program header entry size " + phentsize + " is smaller than " + minEntry;
      unknownLinkage();
      return false;
    }
    if (phnum > MAX_PROGRAM_HEADERS) {
      malformed = "too many program headers (" + phnum + ")";
      unknownLinkage();
      return false;
    }
    long length = (long) phentsize * phnum;
    if (!src.inFile(phoff, length)) {
      malformed = "program headers lie beyond the end of the file";
      unknownLinkage();
      return false;
    }
    Optional<byte[]> table = src.read(phoff, (int) length);
    if (table.isEmpty()) {
      complete = false;
      unknownLinkage();
      return false;
    }
    Fields t = new Fields(table.get());
    long[] interp = null;
    long[] dynamic = null;
    for (int i = 0; i < phnum; i++) {
      int at = i * phentsize;
      long ptype = t.u32(at);
      long offset = is64 ? t.u64(at + 8) : t.u32(at + 4);
      long vaddr = is64 ? t.u64(at + 16) : t.u32(at + 8);
      long filesz = is64 ? t.u64(at + 32) : t.u32(at + 16);
      if (ptype == PT_LOAD) {
        loads.add(new long[] {vaddr, offset, filesz});
      } else if (ptype == PT_INTERP && interp == null) {
        interp = new long[] {offset, filesz};
      } else if (ptype == PT_DYNAMIC && dynamic == null) {
        dynamic = new long[] {offset, filesz};
      }
    }
    if (interp != null) {
      readInterpreter(interp[0], interp[1]);
    }
    long flags1 = dynamic == null ? 0 : readDynamic(dynamic[0], dynamic[1], is64);
    if (linkage != Linkage.NOT_EXECUTABLE) {
      linkage = linkageOf(interp != null, (flags1 & DF_1_PIE) != 0);
    }
    return malformed == null;
  }

  private void unknownLinkage() {
    if (linkage != Linkage.NOT_EXECUTABLE) {
      linkage = Linkage.UNKNOWN;
    }
  }

  private Linkage linkageOf(boolean hasInterp, boolean pieFlag) {
    if (hasInterp) {
      return Linkage.DYNAMIC;
    }
    if (type == ElfType.EXEC) {
      return Linkage.STATIC;
    }
    if (!complete) {
      return Linkage.UNKNOWN;
    }
    return pieFlag ? Linkage.STATIC_PIE : Linkage.SHARED_OBJECT;
  }

  private void readInterpreter(long offset, long size) throws IOException {
    if (size <= 0 || size > MAX_INTERP) {
      malformed = "PT_INTERP has an invalid size " + size;
      return;
    }
    if (!src.inFile(offset, size)) {
      malformed = "PT_INTERP lies beyond the end of the file";
      return;
    }
    Optional<byte[]> bytes = src.read(offset, (int) size);
    if (bytes.isEmpty()) {
      complete = false;
      return;
    }
    byte[] b = bytes.get();
    if (b[b.length - 1] != 0) {
      // binfmt_elf.c refuses an interpreter path that is not NUL-terminated.
      malformed = "PT_INTERP is not NUL-terminated";
    }
    interpreter = cString(b, 0, b.length);
  }

  /** Reads the dynamic section; returns {@code DT_FLAGS_1}. */
  private long readDynamic(long offset, long size, boolean is64) throws IOException {
    int entry = is64 ? 16 : 8;
    if (!src.inFile(offset, size)) {
      malformed = "PT_DYNAMIC lies beyond the end of the file";
      return 0;
    }
    int length = (int) Math.min(size, MAX_DYNAMIC) / entry * entry;
    Optional<byte[]> bytes = src.read(offset, length);
    if (bytes.isEmpty()) {
      complete = false;
      return 0;
    }
    Fields d = new Fields(bytes.get());
    long strtab = -1;
    long strsz = -1;
    long flags1 = 0;
    long sonameAt = -1;
    List<Long> neededAt = new ArrayList<>();
    for (int at = 0; at + entry <= length; at += entry) {
      long tag = is64 ? d.u64(at) : d.u32(at);
      long val = is64 ? d.u64(at + 8) : d.u32(at + 4);
      if (tag == DT_NULL) {
        break;
      } else if (tag == DT_NEEDED && neededAt.size() < ElfFacts.MAX_NEEDED) {
        neededAt.add(val);
      } else if (tag == DT_STRTAB) {
        strtab = val;
      } else if (tag == DT_STRSZ) {
        strsz = val;
      } else if (tag == DT_FLAGS_1) {
        flags1 = val;
      } else if (tag == DT_SONAME) {
        sonameAt = val;
      }
    }
    if (neededAt.isEmpty() && sonameAt < 0) {
      return flags1;
    }
    long strtabOffset = strtab < 0 ? -1 : fileOffset(strtab);
    if (strtabOffset < 0) {
      malformed = "DT_STRTAB does not map into the file";
      return flags1;
    }
    for (long at : neededAt) {
      readString(strtabOffset, strsz, at).ifPresent(needed::add);
    }
    if (sonameAt >= 0) {
      soname = readString(strtabOffset, strsz, sonameAt).orElse(null);
    }
    return flags1;
  }

  private Optional<String> readString(long strtabOffset, long strsz, long index)
      throws IOException {
    if (index < 0 || (strsz >= 0 && index >= strsz)) {
      malformed = "string index " + index + " lies outside DT_STRTAB";
      return Optional.empty();
    }
    long at = strtabOffset + index;
    long available = src.size() - at;
    if (strsz >= 0) {
      available = Math.min(available, strsz - index);
    }
    int length = (int) Math.max(0, Math.min(MAX_STRING, available));
    if (length == 0) {
      malformed = "string lies beyond the end of the file";
      return Optional.empty();
    }
    Optional<byte[]> bytes = src.read(at, length);
    if (bytes.isEmpty()) {
      complete = false;
      return Optional.empty();
    }
    return Optional.of(cString(bytes.get(), 0, length));
  }

  /** Maps a virtual address to a file offset through the {@code PT_LOAD} segments. */
  private long fileOffset(long vaddr) {
    for (long[] load : loads) {
      long start = load[0];
      if (Long.compareUnsigned(vaddr, start) >= 0 && vaddr - start < load[2]) {
        return load[1] + (vaddr - start);
      }
    }
    return -1;
  }

  private void readArmAttributes(long shoff, int shentsize, int shnum) throws IOException {
    if (shoff == 0 || shnum == 0 || shnum > MAX_SECTION_HEADERS || shentsize < 40) {
      return;
    }
    long length = (long) shentsize * shnum;
    if (!src.inFile(shoff, length)) {
      return;
    }
    Optional<byte[]> table = src.read(shoff, (int) length);
    if (table.isEmpty()) {
      return;
    }
    Fields t = new Fields(table.get());
    for (int i = 0; i < shnum; i++) {
      int at = i * shentsize;
      if (t.u32(at + 4) == SHT_ARM_ATTRIBUTES) {
        long offset = t.u32(at + 16);
        long size = t.u32(at + 20);
        if (size > 0 && size <= MAX_ATTRIBUTES && src.inFile(offset, size)) {
          Optional<byte[]> section = src.read(offset, (int) size);
          if (section.isPresent()) {
            variant =
                ArmAttributes.variant(section.get(), endianness == Endianness.LITTLE).orElse(null);
          }
        }
        return;
      }
    }
  }

  private static ElfType typeOf(int eType) {
    return switch (eType) {
      case 0 -> ElfType.NONE;
      case 1 -> ElfType.REL;
      case 2 -> ElfType.EXEC;
      case 3 -> ElfType.DYN;
      case 4 -> ElfType.CORE;
      default -> ElfType.OTHER;
    };
  }

  private static String cString(byte[] b, int from, int to) {
    int end = from;
    while (end < to && b[end] != 0) {
      end++;
    }
    return new String(b, from, end - from, StandardCharsets.UTF_8);
  }

  /** Little- or big-endian field access to a byte array. */
  private final class Fields {
    private final byte[] b;

    Fields(byte[] b) {
      this.b = b;
    }

    int u16(int at) {
      int b0 = b[at] & 0xff;
      int b1 = b[at + 1] & 0xff;
      return endianness == Endianness.BIG ? b0 << 8 | b1 : b1 << 8 | b0;
    }

    long u32(int at) {
      long lo = u16(at);
      long hi = u16(at + 2);
      return endianness == Endianness.BIG ? lo << 16 | hi : hi << 16 | lo;
    }

    long u64(int at) {
      long lo = u32(at);
      long hi = u32(at + 4);
      return endianness == Endianness.BIG ? lo << 32 | hi : hi << 32 | lo;
    }
  }
}
