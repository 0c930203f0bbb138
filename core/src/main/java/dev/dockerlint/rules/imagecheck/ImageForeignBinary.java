package dev.dockerlint.rules.imagecheck;

import dev.dockerlint.imagefs.ExecProblem;
import dev.dockerlint.rules.ImageCheck;
import dev.dockerlint.rules.ImageCheckContext;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;

/**
 * In a built image, a program the container starts (the entrypoint, its {@code #!} interpreters,
 * the health check's command), its dynamic loader or a shared library it needs is an ELF file for
 * another architecture than the image's platform, or no Linux executable at all. With {@code
 * --all-binaries}, every ELF file of the image is checked.
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/#entrypoint">ENTRYPOINT</a>
 */
@RuleInfo(
    code = "DKL1600",
    name = "image-foreign-binary",
    severity = Severity.ERROR,
    summary = "A program the container runs is a binary its platform cannot execute",
    predicts = {Predicts.EXEC_FORMAT_ERROR, Predicts.NO_SUCH_FILE})
public final class ImageForeignBinary implements ImageCheck {
  @Override
  public void check(ImageCheckContext ctx) {
    ImageFindings.report(ctx, ExecProblem.Kind.FOREIGN_BINARY);
  }
}
