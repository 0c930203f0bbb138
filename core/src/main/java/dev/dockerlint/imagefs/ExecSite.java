package dev.dockerlint.imagefs;

import dev.dockerlint.semantic.Platform;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.Word;
import java.util.List;
import java.util.Optional;

/**
 * A place where a program is started: the first word of an exec-form ENTRYPOINT or CMD (what a
 * container runs), of an exec-form RUN or HEALTHCHECK, or of a SHELL (what later shell-form RUNs
 * start), with the filesystem, {@code PATH}, working directory, user and platforms in force there.
 *
 * @param kind what starts the program
 * @param stage the stage
 * @param instruction the instruction that names the program
 * @param program the word naming it (the diagnostic's range)
 * @param view the filesystem the program is looked up in
 * @param path the {@code PATH} for names without a slash
 * @param workdir the working directory, for relative paths
 * @param user the user the program runs as
 * @param platforms the platforms whose binaries run natively there (the stage's; for RUN also the
 *     build machine's)
 * @param usedBy for a SHELL, the instruction that runs it first
 * @param built whether the build runs this site's stage: false for a RUN in a stage the final stage
 *     does not need (BuildKit skips it unless it is the {@code --target})
 */
public record ExecSite(
    Kind kind,
    Stage stage,
    Instruction instruction,
    Word program,
    FsView view,
    SearchPath path,
    String workdir,
    UserSpec user,
    List<Platform> platforms,
    Optional<Instruction> usedBy,
    boolean built) {

  /** What starts the program. */
  public enum Kind {
    ENTRYPOINT,
    CMD,
    RUN,
    SHELL,
    HEALTHCHECK;

    /** Whether the program runs when a container starts (rather than during the build). */
    public boolean atRuntime() {
      return this == ENTRYPOINT || this == CMD || this == HEALTHCHECK;
    }
  }

  public ExecSite {
    platforms = List.copyOf(platforms);
  }
}
