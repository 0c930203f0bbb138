package dev.dockerlint.imagefs;

import dev.dockerlint.rules.Predicts;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.syntax.Instruction;
import java.util.List;
import java.util.Optional;

/**
 * Why starting a program will fail, found by following it from an {@link ExecSite}: the program
 * itself, its {@code #!} interpreter (and that one's), {@code env}'s program or the ELF loader.
 *
 * @param kind what is wrong
 * @param site where the program is started
 * @param predicts the error Docker prints, when it is sure to be this one
 * @param message the finding for the user: cause, error and remedy
 * @param maybeFixedBy RUN instructions that may repair it (the finding is then a warning)
 * @param certain false when it fails only on some hosts (a 32-bit ARM binary on arm64)
 * @param node the file at fault, when there is one
 */
public record ExecProblem(
    Kind kind,
    ExecSite site,
    Optional<Predicts> predicts,
    String message,
    List<Instruction> maybeFixedBy,
    boolean certain,
    Optional<FsNode> node) {

  /** The kinds of failure, one rule each. */
  public enum Kind {
    /** An ELF binary for another architecture, or no Linux executable at all. */
    FOREIGN_BINARY,
    /** A text or empty file without a {@code #!} line the kernel accepts. */
    NO_SHEBANG,
    /** A UTF-8 byte order mark before {@code #!}. */
    BOM_BEFORE_SHEBANG,
    /** CRLF line endings that put {@code \r} into the interpreter or its argument. */
    CRLF_SHEBANG,
    /** No execute permission for the user the program runs as. */
    NOT_EXECUTABLE,
    /** The program does not exist at its path, or not in any PATH directory. */
    PROGRAM_NOT_FOUND,
    /** The {@code #!} interpreter, or the program {@code env} should run, does not exist. */
    INTERPRETER_NOT_FOUND,
    /** A dynamically linked binary whose ELF interpreter (the loader) does not exist. */
    LOADER_NOT_FOUND
  }

  public ExecProblem {
    maybeFixedBy = List.copyOf(maybeFixedBy);
  }

  /**
   * Error when nothing may repair it; a warning when a RUN may, when it fails on some hosts only,
   * or when BuildKit does not build the stage.
   */
  public Severity severity() {
    return certain && maybeFixedBy.isEmpty() && site.built() ? Severity.ERROR : Severity.WARNING;
  }
}
