package dev.dockerlint.rules.imagecheck;

import dev.dockerlint.imagefs.ExecProblem;
import dev.dockerlint.rules.ImageCheck;
import dev.dockerlint.rules.ImageCheckContext;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;

/**
 * In a built image, a script the container starts has Windows line endings, so the kernel looks for
 * an interpreter whose name ends in a carriage return.
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/#entrypoint">ENTRYPOINT</a>
 */
@RuleInfo(
    code = "DKL1603",
    name = "image-crlf-shebang",
    severity = Severity.ERROR,
    summary = "A script the container runs has CRLF line endings in its '#!' line",
    predicts = Predicts.NO_SUCH_FILE)
public final class ImageCrlfShebang implements ImageCheck {
  @Override
  public void check(ImageCheckContext ctx) {
    ImageFindings.report(ctx, ExecProblem.Kind.CRLF_SHEBANG);
  }
}
