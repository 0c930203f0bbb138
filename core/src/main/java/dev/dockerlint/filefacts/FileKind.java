package dev.dockerlint.filefacts;

/**
 * The kind of a file as the Linux kernel's {@code execve} would first judge it.
 *
 * <p>A file whose text starts with a UTF-8 byte order mark followed by {@code #!} is {@link #TEXT},
 * not {@link #SCRIPT}: the kernel does not see the {@code #!} and fails with {@code exec format
 * error}. Its {@link FileFacts#shebang()} is still reported, marked {@link
 * Shebang#precededByBom()}.
 */
public enum FileKind {
  /** Starts with the ELF magic {@code 0x7f 'E' 'L' 'F'}. */
  ELF,
  /** Starts with {@code #!}: the kernel runs the named interpreter. */
  SCRIPT,
  /** Looks like text (no NUL bytes, few control characters) but has no {@code #!} at byte 0. */
  TEXT,
  /** Any other content; see {@link FileFacts#binaryFormat()} for a few recognised formats. */
  BINARY,
  /** Zero bytes long. Executing it fails with {@code exec format error}. */
  EMPTY
}
