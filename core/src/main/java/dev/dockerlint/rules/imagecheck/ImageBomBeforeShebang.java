package dev.dockerlint.rules.imagecheck;

import dev.dockerlint.imagefs.ExecProblem;
import dev.dockerlint.rules.ImageCheck;
import dev.dockerlint.rules.ImageCheckContext;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;

/**
 * In a built image, a script the container starts begins with a UTF-8 byte order mark, which hides
 * its {@code #!} line from the kernel.
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/#entrypoint">ENTRYPOINT</a>
 */
@RuleInfo(
    code = "DKL1602",
    name = "image-bom-before-shebang",
    severity = Severity.ERROR,
    summary = "A script the container runs starts with a byte order mark",
    predicts = Predicts.EXEC_FORMAT_ERROR)
public final class ImageBomBeforeShebang implements ImageCheck {
  @Override
  public void check(ImageCheckContext ctx) {
    ImageFindings.report(ctx, ExecProblem.Kind.BOM_BEFORE_SHEBANG);
  }
}
