package dev.dockerlint.rules.imagecheck;

import dev.dockerlint.imagefs.ExecProblem;
import dev.dockerlint.rules.ImageCheck;
import dev.dockerlint.rules.ImageCheckContext;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;

/**
 * In a built image, a program the container starts has no execute permission for the user the
 * container runs as (mode bits and numeric owner, after {@code USER} is resolved through the
 * image's {@code /etc/passwd} and {@code /etc/group}), a directory above it cannot be searched, or
 * a script cannot be read by its interpreter.
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/#entrypoint">ENTRYPOINT</a>
 */
@RuleInfo(
    code = "DKL1604",
    name = "image-program-not-executable",
    severity = Severity.ERROR,
    summary = "A program the container runs is not executable by its user",
    predicts = Predicts.PERMISSION_DENIED)
public final class ImageProgramNotExecutable implements ImageCheck {
  @Override
  public void check(ImageCheckContext ctx) {
    ImageFindings.report(ctx, ExecProblem.Kind.NOT_EXECUTABLE);
  }
}
