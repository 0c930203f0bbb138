package dev.dockerlint.rules.imagecheck;

import dev.dockerlint.rules.ImageCheck;
import dev.dockerlint.rules.ImageCheckContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.semantic.Platform;

/**
 * In a multi-platform image, the index lists a manifest under one platform while that manifest's
 * config declares another: hosts pull it for the platform the index claims, and its binaries are
 * usually built for the one the config names.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/image-index.md">OCI image
 *     index</a>
 */
@RuleInfo(
    code = "DKL1609",
    name = "image-platform-mismatch",
    severity = Severity.ERROR,
    summary = "An index entry's platform differs from its image config's")
public final class ImagePlatformMismatch implements ImageCheck {
  @Override
  public void check(ImageCheckContext ctx) {
    if (ctx.input().claimed().isEmpty()) {
      return;
    }
    Platform claimed = ctx.input().claimed().get();
    Platform config = ctx.input().configPlatform();
    if (sameArchitecture(claimed, config)) {
      return;
    }
    ctx.report(
        "",
        "The index lists this manifest for "
            + claimed
            + ", but its image config says "
            + config
            + ": "
            + claimed
            + " hosts pull it and run what was built for "
            + config
            + "; build the "
            + claimed
            + " variant for "
            + claimed
            + " (docker buildx build --platform), or fix the index entry");
  }

  /** Equal os and architecture, and variants that do not contradict each other. */
  private static boolean sameArchitecture(Platform a, Platform b) {
    return a.os().equals(b.os())
        && a.architecture().equals(b.architecture())
        && (a.variant().isEmpty() || b.variant().isEmpty() || a.variant().equals(b.variant()));
  }
}
