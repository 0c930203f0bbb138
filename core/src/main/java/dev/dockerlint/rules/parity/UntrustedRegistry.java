package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.semantic.Base;
import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.Range;
import java.util.List;

/**
 * With {@code trusted-registries} configured, every image the build pulls ({@code FROM}, {@code
 * COPY --from=image}, {@code RUN --mount=from=image}) must come from one of them. Patterns may
 * start or end with {@code *} ({@code *.example.com}, {@code registry.example.com/*} is not a
 * pattern: registries are host names). Images are judged after ARG expansion.
 */
@RuleInfo(
    code = "DKL3026",
    name = "untrusted-registry",
    severity = Severity.ERROR,
    summary = "Image from a registry that is not in trusted-registries",
    aliases = {"DL3026"})
public final class UntrustedRegistry implements Rule {
  @Override
  public void check(RuleContext ctx) {
    List<String> allowed = ctx.config().trustedRegistries();
    if (allowed.isEmpty()) {
      return;
    }
    for (Stage s : ctx.model().stages()) {
      if (s.base() instanceof Base.ImageBase b && b.complete() && b.ref().isPresent()) {
        ImageRef ref = b.ref().get();
        if (!trusted(ref, allowed)) {
          report(ctx, s.from().image().map(w -> w.range()).orElse(s.from().range()), ref);
        }
      }
    }
    for (SemanticModel.StageReference r : ctx.model().stageReferences()) {
      if (r.stage().isPresent() || r.value().contains("$")) {
        continue;
      }
      ImageRef.parse(r.value())
          .filter(ref -> !trusted(ref, allowed))
          .ifPresent(ref -> report(ctx, r.flag().range(), ref));
    }
  }

  private static void report(RuleContext ctx, Range range, ImageRef ref) {
    ctx.report(
        Finding.of(
            range,
            "Use only an allowed registry in the FROM image: '"
                + ref.registry()
                + "' is not in trusted-registries"));
  }

  static boolean trusted(ImageRef ref, List<String> allowed) {
    for (String a : allowed) {
      if (matches(a, ref.registry())
          || (ref.registry().equals(ImageRef.DOCKER_HUB) && matches(a, "hub.docker.com"))) {
        return true;
      }
    }
    return false;
  }

  /** hadolint's registry patterns: {@code *}, {@code *suffix}, {@code prefix*} or exact. */
  static boolean matches(String pattern, String registry) {
    if (pattern.equals("*")) {
      return true;
    }
    if (pattern.startsWith("*")) {
      return registry.endsWith(pattern.substring(1));
    }
    if (pattern.endsWith("*")) {
      return registry.startsWith(pattern.substring(0, pattern.length() - 1));
    }
    return registry.equals(pattern);
  }
}
