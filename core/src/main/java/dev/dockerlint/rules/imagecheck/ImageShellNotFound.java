package dev.dockerlint.rules.imagecheck;

import dev.dockerlint.imagefs.ExecProblem;
import dev.dockerlint.rules.ImageCheck;
import dev.dockerlint.rules.ImageCheckContext;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;

/**
 * In a built image, the command (or the health check's {@code CMD-SHELL}) is in shell form, which
 * runs the config's Shell or {@code /bin/sh -c}, and that shell does not exist (distroless and
 * {@code scratch} images).
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/#entrypoint">ENTRYPOINT</a>
 */
@RuleInfo(
    code = "DKL1607",
    name = "image-shell-not-found",
    severity = Severity.ERROR,
    summary = "The shell of a shell-form command does not exist",
    predicts = Predicts.NO_SUCH_FILE)
public final class ImageShellNotFound implements ImageCheck {
  @Override
  public void check(ImageCheckContext ctx) {
    ImageFindings.report(ctx, ExecProblem.Kind.PROGRAM_NOT_FOUND, true);
  }
}
