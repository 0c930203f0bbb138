package dev.dockerlint.filefacts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code #!} line, split the way the Linux kernel splits it ({@code fs/binfmt_script.c}, Linux
 * 5.1 and later).
 *
 * <p>The kernel reads the first {@link #BINPRM_BUF_SIZE} bytes of the file (256 since Linux 5.1;
 * 128 before, see {@code include/uapi/linux/binfmts.h}). Blanks (space and tab) after {@code #!}
 * are skipped; the interpreter path runs to the first blank, and everything after it, blanks
 * trimmed at both ends, is passed as <em>one</em> argument: {@code #!/usr/bin/env python3 -u} runs
 * {@code env} with the single argument {@code "python3 -u"}. Only blanks are trimmed, so a CRLF
 * line ending leaves a carriage return at the end of the interpreter ({@code /bin/sh\r}: "no such
 * file or directory") or of the argument. Without a newline in the buffer the line is cut at byte
 * 255, which the kernel accepts only if the interpreter path itself ended before.
 *
 * @param line the first line as the kernel examined it, {@code #!} included, line terminator
 *     excluded, cut at the kernel's buffer size
 * @param interpreter the interpreter path the kernel will open, possibly ending in {@code \r};
 *     empty if there is none
 * @param argument the single optional argument, possibly ending in {@code \r}
 * @param crlf whether the line ends with CRLF, so that {@code \r} is part of the interpreter or the
 *     argument
 * @param precededByBom whether a UTF-8 byte order mark comes before {@code #!}, so the kernel does
 *     not recognise the line at all and {@code execve} fails with {@code exec format error}
 * @param truncated whether no newline was found within the kernel's buffer
 * @param kernelRejection why the kernel would refuse the line with {@code ENOEXEC} ({@code exec
 *     format error}) even without a byte order mark
 * @param env how {@code env} would read its argument, when the interpreter is an {@code env}
 */
public record Shebang(
    String line,
    String interpreter,
    Optional<String> argument,
    boolean crlf,
    boolean precededByBom,
    boolean truncated,
    Optional<String> kernelRejection,
    Optional<EnvInvocation> env) {

  /** The kernel's {@code BINPRM_BUF_SIZE} since Linux 5.1 (it was 128 before). */
  public static final int BINPRM_BUF_SIZE = 256;

  public Shebang {
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(interpreter, "interpreter");
    Objects.requireNonNull(argument, "argument");
    Objects.requireNonNull(kernelRejection, "kernelRejection");
    Objects.requireNonNull(env, "env");
  }

  /**
   * Whether {@code execve} would start the interpreter at all: no byte order mark and no rejection.
   * (Whether the interpreter exists in the image is another question.)
   */
  public boolean recognizedByKernel() {
    return !precededByBom && kernelRejection.isEmpty();
  }

  /**
   * The argument vector the kernel builds before the script path: the interpreter, then the
   * argument if there is one.
   */
  public List<String> argv() {
    List<String> argv = new ArrayList<>();
    argv.add(interpreter);
    argument.ifPresent(argv::add);
    return List.copyOf(argv);
  }

  /** Parses the {@code #!} line of a file given by its text. Convenience for tests and callers. */
  public static Optional<Shebang> parse(String fileStart) {
    byte[] bytes = fileStart.getBytes(StandardCharsets.UTF_8);
    return parse(bytes, bytes.length);
  }

  /**
   * Parses the {@code #!} line of a file whose first bytes are {@code prefix}; empty if the file
   * does not start with {@code #!} (after an optional UTF-8 byte order mark).
   */
  static Optional<Shebang> parse(byte[] prefix, int length) {
    boolean bom = FileFacts.startsWithBom(prefix, length);
    int start = bom ? 3 : 0;
    if (length - start < 2 || prefix[start] != '#' || prefix[start + 1] != '!') {
      return Optional.empty();
    }
    // The kernel's buffer: the first BINPRM_BUF_SIZE bytes, NUL-padded when the file is shorter.
    byte[] buf = new byte[BINPRM_BUF_SIZE];
    System.arraycopy(prefix, start, buf, 0, Math.min(BINPRM_BUF_SIZE, length - start));
    int bufEnd = BINPRM_BUF_SIZE - 1;

    int newline = indexOf(buf, (byte) '\n');
    int lineEnd = newline >= 0 ? newline : bufEnd;
    int visibleEnd = Math.min(lineEnd, length - start);
    String line = new String(buf, 0, visibleEnd, StandardCharsets.UTF_8);
    boolean crlf = newline > 0 && buf[newline - 1] == '\r';
    boolean truncated = newline < 0 && length - start >= bufEnd;

    int iEnd = newline;
    if (iEnd < 0) {
      int first = nextNonBlank(buf, 2, bufEnd);
      if (first < 0) {
        return rejected(line, crlf, bom, truncated, "the #! line holds only blanks");
      }
      if (nextTerminator(buf, first, bufEnd) < 0) {
        return rejected(
            line,
            crlf,
            bom,
            truncated,
            "the interpreter path does not end within the first "
                + bufEnd
                + " bytes the kernel reads");
      }
      iEnd = bufEnd;
    }
    while (iEnd > 2 && isBlank(buf[iEnd - 1])) {
      iEnd--;
    }
    int iName = nextNonBlank(buf, 2, iEnd);
    if (iName < 0 || iName == iEnd || buf[iName] == 0) {
      return rejected(line, crlf, bom, truncated, "the #! line names no interpreter");
    }
    int iSep = nextTerminator(buf, iName, iEnd);
    int iArg = -1;
    if (iSep >= 0 && buf[iSep] != 0) {
      iArg = nextNonBlank(buf, iSep, iEnd);
      if (iArg == iEnd) {
        iArg = -1;
      }
    }
    String interpreter = cString(buf, iName, iArg >= 0 ? iSep : iEnd);
    Optional<String> argument =
        iArg >= 0 ? Optional.of(cString(buf, iArg, iEnd)) : Optional.empty();
    Optional<EnvInvocation> env =
        isEnv(interpreter) ? Optional.of(EnvInvocation.parse(argument)) : Optional.empty();
    return Optional.of(
        new Shebang(line, interpreter, argument, crlf, bom, truncated, Optional.empty(), env));
  }

  private static Optional<Shebang> rejected(
      String line, boolean crlf, boolean bom, boolean truncated, String why) {
    return Optional.of(
        new Shebang(
            line, "", Optional.empty(), crlf, bom, truncated, Optional.of(why), Optional.empty()));
  }

  private static boolean isEnv(String interpreter) {
    return interpreter.equals("env") || interpreter.endsWith("/env");
  }

  private static boolean isBlank(byte b) {
    return b == ' ' || b == '\t';
  }

  private static int indexOf(byte[] buf, byte value) {
    for (int i = 0; i < buf.length; i++) {
      if (buf[i] == value) {
        return i;
      }
    }
    return -1;
  }

  /** First index in {@code [first, last]} that is not a blank, or -1. */
  private static int nextNonBlank(byte[] buf, int first, int last) {
    for (int i = first; i <= last && i < buf.length; i++) {
      if (!isBlank(buf[i])) {
        return i;
      }
    }
    return -1;
  }

  /** First index in {@code [first, last]} holding a blank or NUL, or -1. */
  private static int nextTerminator(byte[] buf, int first, int last) {
    for (int i = first; i <= last && i < buf.length; i++) {
      if (isBlank(buf[i]) || buf[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  private static String cString(byte[] buf, int from, int to) {
    int end = from;
    while (end < to && buf[end] != 0) {
      end++;
    }
    return new String(buf, from, end - from, StandardCharsets.UTF_8);
  }
}
