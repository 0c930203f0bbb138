package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.LintMemo;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.FromInstruction;
import dev.dockerlint.syntax.Word;
import java.util.Map;

/**
 * A FROM image built from global ARGs that, with their defaults alone (no build arguments), makes
 * an empty or invalid image name ({@code ARG TAG} then {@code FROM alpine:$TAG} is {@code
 * alpine:}). The build only works when someone remembers the build argument.
 *
 * @see <a
 *     href="https://docs.docker.com/reference/build-checks/invalid-default-arg-in-from/">InvalidDefaultArgInFrom</a>
 */
@RuleInfo(
    code = "DKL5007",
    name = "invalid-default-arg-in-from",
    severity = Severity.WARNING,
    summary = "Default ARG values make an invalid FROM image name",
    aliases = {"InvalidDefaultArgInFrom"})
public final class InvalidDefaultArgInFrom implements Rule {
  /**
   * What the default values make of a stage's base image name: nothing to judge (no variable), a
   * name that does not expand (which ends the check, as it ends BuildKit's), or a valid or invalid
   * name. Kept for the next lint under the Stage object: it is taken over only with the very same
   * FROM and global ARGs.
   */
  private enum Verdict {
    NOT_JUDGED,
    NOT_EXPANDED,
    VALID,
    INVALID
  }

  @Override
  public void check(RuleContext ctx) {
    SemanticModel defaults = null; // built only when a verdict is not kept
    for (Stage s : ctx.model().stages()) {
      FromInstruction from = s.from();
      if (from.image().isEmpty() || !from.image().get().value().contains("$")) {
        continue;
      }
      Object key = LintMemo.keyOf(Verdict.class, s);
      Verdict v = ctx.input().memo().find(key, Verdict.class).orElse(null);
      if (v == null) {
        if (defaults == null) {
          defaults = defaultsOnly(ctx);
        }
        v = ctx.input().memo().keep(key, verdict(defaults, from.image().get()));
      }
      if (v == Verdict.NOT_EXPANDED) {
        return;
      }
      if (v == Verdict.INVALID) {
        ctx.report(
            Finding.of(
                from.range(),
                "Default value for ARG "
                    + from.image().get().value()
                    + " results in empty or invalid base image name"));
      }
    }
  }

  private static Verdict verdict(SemanticModel defaults, Word image) {
    String name = defaults.expand(image.value(), defaults.globalScope()).orElse(null);
    if (name == null) {
      return Verdict.NOT_EXPANDED;
    }
    return ImageNames.isValidReference(name) ? Verdict.VALID : Verdict.INVALID;
  }

  /**
   * The file's model with no build arguments: the model the rule is given when none are set (the
   * usual case, and every keystroke in the language server), else a second one built without them.
   */
  private static SemanticModel defaultsOnly(RuleContext ctx) {
    SemanticModel m = ctx.model();
    if (m.file() == ctx.file() && m.options().buildArgs().isEmpty()) {
      return m;
    }
    return SemanticModel.of(ctx.file(), m.options().withBuildArgs(Map.of()));
  }
}
