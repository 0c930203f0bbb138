package dev.dockerlint.filefacts;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds tiny ELF files in memory: header, program headers (one PT_LOAD over the whole file at
 * {@link #BASE}, optional PT_INTERP and PT_DYNAMIC), a string table, and for ARM an optional {@code
 * .ARM.attributes} section with its section header table.
 */
final class ElfBuilder {
  static final long BASE = 0x400000;

  private boolean is64 = true;
  private boolean little = true;
  private int osAbi;
  private int type = 2;
  private int machine = 62;
  private int flags;
  private String interpreter;
  private final List<String> needed = new ArrayList<>();
  private String soname;
  private long flags1;
  private boolean dynamic;
  private Integer armCpuArch;
  private boolean pad;

  static ElfBuilder elf() {
    return new ElfBuilder();
  }

  ElfBuilder class32() {
    is64 = false;
    return this;
  }

  ElfBuilder class64() {
    is64 = true;
    return this;
  }

  ElfBuilder bigEndian() {
    little = false;
    return this;
  }

  ElfBuilder osAbi(int value) {
    osAbi = value;
    return this;
  }

  ElfBuilder type(int value) {
    type = value;
    return this;
  }

  ElfBuilder machine(int value) {
    machine = value;
    return this;
  }

  ElfBuilder flags(int value) {
    flags = value;
    return this;
  }

  ElfBuilder interpreter(String path) {
    interpreter = path;
    return this;
  }

  ElfBuilder needed(String... libraries) {
    needed.addAll(List.of(libraries));
    dynamic = true;
    return this;
  }

  ElfBuilder soname(String name) {
    soname = name;
    dynamic = true;
    return this;
  }

  ElfBuilder flags1(long value) {
    flags1 = value;
    dynamic = true;
    return this;
  }

  ElfBuilder armCpuArch(int tagCpuArch) {
    armCpuArch = tagCpuArch;
    return this;
  }

  /** Puts 100 KiB of padding before the data, so it lies beyond {@link FileFacts#PREFIX_LIMIT}. */
  ElfBuilder padded() {
    pad = true;
    return this;
  }

  byte[] build() {
    int ehsize = is64 ? 64 : 52;
    int phentsize = is64 ? 56 : 32;
    int phnum = 1 + (interpreter != null ? 1 : 0) + (dynamic ? 1 : 0);
    int dataStart = ehsize + phnum * phentsize + (pad ? 100 * 1024 : 0);

    Out data = new Out();
    long interpAt = -1;
    if (interpreter != null) {
      interpAt = dataStart + data.size();
      data.bytes(interpreter.getBytes(StandardCharsets.UTF_8));
      data.u8(0);
    }
    long strtabAt = dataStart + data.size();
    data.u8(0);
    List<Long> neededIdx = new ArrayList<>();
    for (String lib : needed) {
      neededIdx.add((long) data.size() - (strtabAt - dataStart));
      data.bytes(lib.getBytes(StandardCharsets.UTF_8));
      data.u8(0);
    }
    long sonameIdx = -1;
    if (soname != null) {
      sonameIdx = data.size() - (strtabAt - dataStart);
      data.bytes(soname.getBytes(StandardCharsets.UTF_8));
      data.u8(0);
    }
    long strsz = dataStart + data.size() - strtabAt;
    data.align(8);
    long dynAt = dataStart + data.size();
    if (dynamic) {
      for (long idx : neededIdx) {
        data.word(1).word(idx);
      }
      if (sonameIdx >= 0) {
        data.word(14).word(sonameIdx);
      }
      data.word(5).word(BASE + strtabAt);
      data.word(10).word(strsz);
      if (flags1 != 0) {
        data.word(0x6ffffffbL).word(flags1);
      }
      data.word(0).word(0);
    }
    long dynSize = dataStart + data.size() - dynAt;
    long attrAt = -1;
    int attrSize = 0;
    if (armCpuArch != null) {
      attrAt = dataStart + data.size();
      byte[] attributes = armAttributes(armCpuArch);
      data.bytes(attributes);
      attrSize = attributes.length;
    }
    data.align(8);
    long shoff = 0;
    int shnum = 0;
    if (armCpuArch != null) {
      shoff = dataStart + data.size();
      shnum = 2;
      data.zeros(40);
      data.u32(0).u32(0x70000003).u32(0).u32(0).u32(attrAt).u32(attrSize).u32(0).u32(0);
      data.u32(1).u32(0);
    }
    long fileSize = dataStart + data.size();

    Out out = new Out();
    out.u8(0x7f).bytes("ELF".getBytes(StandardCharsets.US_ASCII));
    out.u8(is64 ? 2 : 1).u8(little ? 1 : 2).u8(1).u8(osAbi).zeros(8);
    out.u16(type).u16(machine).u32(1);
    out.word(BASE + 0x1000).word(ehsize).word(shoff);
    out.u32(flags).u16(ehsize).u16(phentsize).u16(phnum).u16(40).u16(shnum).u16(0);
    phdr(out, 1, 0, BASE, fileSize);
    if (interpreter != null) {
      phdr(out, 3, interpAt, BASE + interpAt, interpreter.length() + 1);
    }
    if (dynamic) {
      phdr(out, 2, dynAt, BASE + dynAt, dynSize);
    }
    if (pad) {
      out.zeros(100 * 1024);
    }
    out.bytes(data.toByteArray());
    return out.toByteArray();
  }

  private void phdr(Out out, int ptype, long offset, long vaddr, long size) {
    if (is64) {
      out.u32(ptype).u32(5).u64(offset).u64(vaddr).u64(vaddr).u64(size).u64(size).u64(8);
    } else {
      out.u32(ptype).u32(offset).u32(vaddr).u32(vaddr).u32(size).u32(size).u32(5).u32(4);
    }
  }

  /** A minimal "aeabi" attributes section with Tag_CPU_name "x" and Tag_CPU_arch. */
  private byte[] armAttributes(int cpuArch) {
    Out file = new Out();
    file.u8(5).bytes("x".getBytes(StandardCharsets.US_ASCII)).u8(0); // Tag_CPU_name
    file.u8(6).u8(cpuArch); // Tag_CPU_arch
    byte[] attrs = file.toByteArray();
    Out sub = new Out();
    sub.u8(1).u32(5 + attrs.length).bytes(attrs);
    byte[] subBytes = sub.toByteArray();
    byte[] vendor = "aeabi\0".getBytes(StandardCharsets.US_ASCII);
    Out section = new Out();
    section.u8('A').u32(4 + vendor.length + subBytes.length).bytes(vendor).bytes(subBytes);
    return section.toByteArray();
  }

  private final class Out {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    int size() {
      return bytes.size();
    }

    Out u8(int v) {
      bytes.write(v);
      return this;
    }

    Out bytes(byte[] b) {
      bytes.writeBytes(b);
      return this;
    }

    Out zeros(int n) {
      bytes.writeBytes(new byte[n]);
      return this;
    }

    Out align(int n) {
      while (bytes.size() % n != 0) {
        bytes.write(0);
      }
      return this;
    }

    Out u16(int v) {
      return little ? u8(v).u8(v >>> 8) : u8(v >>> 8).u8(v);
    }

    Out u32(long v) {
      return little
          ? u16((int) v & 0xffff).u16((int) (v >>> 16))
          : u16((int) (v >>> 16)).u16((int) v & 0xffff);
    }

    Out u64(long v) {
      return little ? u32(v & 0xffffffffL).u32(v >>> 32) : u32(v >>> 32).u32(v & 0xffffffffL);
    }

    Out word(long v) {
      return is64 ? u64(v) : u32(v);
    }

    byte[] toByteArray() {
      return bytes.toByteArray();
    }
  }
}
