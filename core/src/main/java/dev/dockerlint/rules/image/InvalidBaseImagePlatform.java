package dev.dockerlint.rules.image;

import dev.dockerlint.image.ImageInfo;
import dev.dockerlint.image.Lookup;
import dev.dockerlint.image.PlatformMatcher;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.semantic.Base;
import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.Platform;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.Range;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A stage's base image has no variant for the stage's platform, or the image the build would use is
 * of another architecture. The first fails the build ("no match for platform in manifest"); the
 * second gives {@code exec format error} at the first {@code RUN}, or when the container starts.
 * BuildKit checks the second once the image is pulled (its {@code InvalidBaseImagePlatform}); this
 * rule says it before the build, from the image's index and config.
 *
 * @see <a href="https://docs.docker.com/reference/build-checks/invalid-base-image-platform/">
 *     InvalidBaseImagePlatform</a>
 */
@RuleInfo(
    code = "DKL1502",
    name = "invalid-base-image-platform",
    severity = Severity.ERROR,
    summary = "Base image has no variant for the stage's platform",
    aliases = {"InvalidBaseImagePlatform"},
    predicts = {Predicts.EXEC_FORMAT_ERROR})
public final class InvalidBaseImagePlatform implements Rule {
  @Override
  public void check(RuleContext ctx) {
    Set<Stage> reachable = ctx.model().stagesNeededForFinal();
    for (Stage stage : ctx.model().stages()) {
      if (!reachable.contains(stage)
          || !(stage.base() instanceof Base.ImageBase b)
          || b.ref().isEmpty()
          || !b.complete()
          || stage.platform().isEmpty()) {
        continue;
      }
      ImageRef ref = b.ref().get();
      Platform expected = stage.platform().get();
      Range at = stage.from().image().map(w -> w.range()).orElse(stage.from().range());
      Lookup answer = ctx.input().images().lookup(ref, expected, false);
      if (answer instanceof Lookup.Found f) {
        ImageInfo img = f.image();
        Platform actual = img.platform();
        if (actual.os().equals(expected.os())
            && actual.architecture().equals(expected.architecture())) {
          continue;
        }
        String message =
            String.format(
                "Base image %s was pulled with platform \"%s\", expected \"%s\" for current build",
                b.text(), actual, expected);
        Finding finding = Finding.of(at, message);
        if (PlatformMatcher.runs(expected, actual)) {
          finding = finding.withSeverity(Severity.WARNING);
        } else {
          finding =
              Finding.of(at, message + "; its programs will fail with 'exec format error'")
                  .withPredicts(Predicts.EXEC_FORMAT_ERROR);
        }
        ctx.report(finding);
      } else if (answer instanceof Lookup.NotFound nf && !nf.availablePlatforms().isEmpty()) {
        ctx.report(
            Finding.of(
                at,
                String.format(
                    "Base image %s offers no variant for platform \"%s\" (it has %s); the build"
                        + " fails with 'no match for platform in manifest'",
                    b.text(),
                    expected,
                    nf.availablePlatforms().stream()
                        .map(Platform::toString)
                        .collect(Collectors.joining(", ")))));
      }
    }
  }
}
