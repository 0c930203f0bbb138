package dev.dockerlint.rules.imagecheck;

import dev.dockerlint.imagefs.ExecProblem;
import dev.dockerlint.rules.ImageCheck;
import dev.dockerlint.rules.ImageCheckContext;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;

/**
 * In a built image, the program the container starts is a text or empty file without a {@code #!}
 * line, which the kernel refuses to execute.
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/#entrypoint">ENTRYPOINT</a>
 */
@RuleInfo(
    code = "DKL1601",
    name = "image-script-without-shebang",
    severity = Severity.ERROR,
    summary = "A script the container runs has no '#!' line",
    predicts = Predicts.EXEC_FORMAT_ERROR)
public final class ImageScriptWithoutShebang implements ImageCheck {
  @Override
  public void check(ImageCheckContext ctx) {
    ImageFindings.report(ctx, ExecProblem.Kind.NO_SHEBANG);
  }
}
