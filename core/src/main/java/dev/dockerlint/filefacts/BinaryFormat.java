package dev.dockerlint.filefacts;

/**
 * A few non-ELF executable formats recognised by their magic bytes. None of them can be executed by
 * a Linux kernel directly, so starting one in a container fails with {@code exec format error}
 * (WebAssembly needs a Wasm runtime shim, not a Linux image).
 */
public enum BinaryFormat {
  /** A WebAssembly module: {@code \0asm}. Not ELF; a Wasm platform ({@code wasi/wasm}) runs it. */
  WASM,
  /** A Windows PE executable: {@code MZ}. */
  PE,
  /** A macOS Mach-O executable (thin, 32 or 64 bit, either byte order). */
  MACH_O,
  /** Not one of the formats above. */
  UNKNOWN
}
