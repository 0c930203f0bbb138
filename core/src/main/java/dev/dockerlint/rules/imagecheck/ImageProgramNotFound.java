package dev.dockerlint.rules.imagecheck;

import dev.dockerlint.imagefs.ExecProblem;
import dev.dockerlint.rules.ImageCheck;
import dev.dockerlint.rules.ImageCheckContext;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;

/**
 * In a built image, the program the container starts (first word of Entrypoint + Cmd, or of the
 * health check) does not exist at its path, or is in no directory of the config's {@code PATH}.
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/#entrypoint">ENTRYPOINT</a>
 */
@RuleInfo(
    code = "DKL1605",
    name = "image-program-not-found",
    severity = Severity.ERROR,
    summary = "The program the container runs does not exist",
    predicts = {Predicts.NO_SUCH_FILE, Predicts.NOT_FOUND_IN_PATH})
public final class ImageProgramNotFound implements ImageCheck {
  @Override
  public void check(ImageCheckContext ctx) {
    ImageFindings.report(ctx, ExecProblem.Kind.PROGRAM_NOT_FOUND, false);
  }
}
