package dev.dockerlint.rules.platform;

import dev.dockerlint.rules.Edit;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Fix;
import dev.dockerlint.rules.FixAvailability;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.semantic.Base;
import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.Platform;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.SourceText;
import dev.dockerlint.syntax.Word;
import java.util.Optional;

/**
 * {@code FROM arm64v8/alpine} in a stage built for another platform. The official images'
 * per-architecture namespaces ({@code amd64/}, {@code arm64v8/}, {@code arm32v7/}, {@code i386/},
 * {@code ppc64le/}, {@code s390x/} ...) hold one architecture only: pulling them for another
 * platform fails ({@code no matching manifest}), and where the image is used anyway (a local copy,
 * a single-platform manifest) its programs fail with {@code exec format error}.
 *
 * @see <a href="https://github.com/docker-library/official-images#architectures-other-than-amd64">
 *     Architectures other than amd64</a>
 */
@RuleInfo(
    code = "DKL1104",
    name = "arch-prefixed-image-mismatch",
    severity = Severity.WARNING,
    summary =
        "An architecture-specific image (arm64v8/, amd64/ ...) in a stage for another platform",
    fix = FixAvailability.SOMETIMES,
    predicts = Predicts.EXEC_FORMAT_ERROR)
public final class ArchPrefixedImage implements Rule {

  @Override
  public void check(RuleContext ctx) {
    for (Stage s : ctx.model().stages()) {
      if (!(s.base() instanceof Base.ImageBase b)
          || b.ref().isEmpty()
          || s.platform().isEmpty()
          || s.from().image().isEmpty()) {
        continue;
      }
      ImageRef ref = b.ref().get();
      Platform holds = Platforms.ARCH_NAMESPACES.get(ref.namespace());
      Platform stage = s.platform().get();
      if (!ref.registry().equals(ImageRef.DOCKER_HUB)
          || holds == null
          || !stage.os().equals("linux")
          || Platforms.runsNatively(holds, stage)) {
        continue;
      }
      Word image = s.from().image().get();
      String why =
          s.platformSource() == Stage.PlatformSource.TARGET
              ? "the build's target platform"
              : "its platform";
      String multi = ref.familiar().substring(ref.namespace().length() + 1);
      Finding f =
          Finding.of(
              image.range(),
              "'"
                  + ref.familiar()
                  + "' holds only "
                  + holds
                  + " images, but this stage is built for "
                  + stage
                  + " ("
                  + why
                  + "): pulling it for "
                  + stage
                  + " fails ('no matching manifest'), and where the image is used anyway (a local"
                  + " copy, a single-platform manifest) its programs fail with 'exec format"
                  + " error'. Use the multi-platform image '"
                  + multi
                  + "', or FROM --platform="
                  + holds
                  + " if this stage must be "
                  + holds.architecture());
      f = f.withPredicts(Predicts.EXEC_FORMAT_ERROR);
      Optional<Edit> edit = dropNamespace(ctx, image, ref.namespace());
      if (edit.isPresent()) {
        f = f.withFix(Fix.unsafe("Use the multi-platform image '" + multi + "'", edit.get()));
      }
      ctx.report(f);
    }
  }

  /** Deletes {@code namespace/} (or turns {@code docker.io/namespace/} into {@code library/}). */
  private static Optional<Edit> dropNamespace(RuleContext ctx, Word image, String namespace) {
    SourceText source = ctx.file().source();
    String text = source.slice(image.range());
    int start = source.startOffset(image.range());
    for (String prefix : new String[] {"docker.io/", "index.docker.io/", ""}) {
      if (text.startsWith(prefix + namespace + "/")) {
        int from = start + prefix.length();
        int to = from + namespace.length() + 1;
        return Optional.of(new Edit(source.range(from, to), prefix.isEmpty() ? "" : "library/"));
      }
    }
    return Optional.empty();
  }
}
