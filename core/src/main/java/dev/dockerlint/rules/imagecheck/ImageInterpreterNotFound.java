package dev.dockerlint.rules.imagecheck;

import dev.dockerlint.imagefs.ExecProblem;
import dev.dockerlint.rules.ImageCheck;
import dev.dockerlint.rules.ImageCheckContext;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;

/**
 * In a built image, a script the container starts names a {@code #!} interpreter, or a program for
 * {@code /usr/bin/env}, that the image does not have.
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/#entrypoint">ENTRYPOINT</a>
 */
@RuleInfo(
    code = "DKL1606",
    name = "image-interpreter-not-found",
    severity = Severity.ERROR,
    summary = "The '#!' interpreter of a script the container runs does not exist",
    predicts = Predicts.NO_SUCH_FILE)
public final class ImageInterpreterNotFound implements ImageCheck {
  @Override
  public void check(ImageCheckContext ctx) {
    ImageFindings.report(ctx, ExecProblem.Kind.INTERPRETER_NOT_FOUND);
  }
}
