package dev.dockerlint.rules.imagecheck;

import dev.dockerlint.imagefs.ExecProblem;
import dev.dockerlint.rules.ImageCheck;
import dev.dockerlint.rules.ImageCheckContext;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;

/**
 * In a built image, a dynamically linked program the container starts names an ELF interpreter (the
 * C library's loader, e.g. {@code /lib/ld-musl-x86_64.so.1}) that the image does not have: a glibc
 * binary on a musl base, or the reverse.
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/#entrypoint">ENTRYPOINT</a>
 */
@RuleInfo(
    code = "DKL1608",
    name = "image-missing-dynamic-loader",
    severity = Severity.ERROR,
    summary = "A dynamically linked program the container runs has no loader in the image",
    predicts = Predicts.NO_SUCH_FILE)
public final class ImageMissingDynamicLoader implements ImageCheck {
  @Override
  public void check(ImageCheckContext ctx) {
    ImageFindings.report(ctx, ExecProblem.Kind.LOADER_NOT_FOUND);
  }
}
