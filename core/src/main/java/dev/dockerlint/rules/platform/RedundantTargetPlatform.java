package dev.dockerlint.rules.platform;

import dev.dockerlint.grammar.shell.ShellLex;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Fix;
import dev.dockerlint.rules.FixAvailability;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.Flag;
import java.util.Optional;
import java.util.Set;

/**
 * {@code FROM --platform=$TARGETPLATFORM ...} says what FROM does anyway. Matches BuildKit's {@code
 * RedundantTargetPlatform}: the value must expand {@code TARGETPLATFORM} and nothing else, to
 * exactly its value.
 *
 * @see <a href="https://docs.docker.com/reference/build-checks/redundant-target-platform/">
 *     RedundantTargetPlatform</a>
 */
@RuleInfo(
    code = "DKL1102",
    name = "redundant-target-platform",
    severity = Severity.INFO,
    summary = "FROM --platform=$TARGETPLATFORM is the default",
    aliases = {"RedundantTargetPlatform", "DL3065"},
    fix = FixAvailability.ALWAYS)
public final class RedundantTargetPlatform implements Rule {

  @Override
  public void check(RuleContext ctx) {
    SemanticModel m = ctx.model();
    for (Stage s : m.stages()) {
      Optional<Flag> flag = s.from().flag("platform");
      if (flag.isEmpty()) {
        continue;
      }
      String raw = flag.get().valueOrEmpty();
      Optional<ShellLex.Result> r = m.expandWithMatches(raw, m.globalScope());
      if (r.isEmpty()
          || !r.get().matched().equals(Set.of("TARGETPLATFORM"))
          || !r.get().unmatched().isEmpty()
          || !m.globalScope().get("TARGETPLATFORM").orElse("").equals(r.get().result())) {
        continue;
      }
      ctx.report(
          Finding.of(
                  flag.get().range(),
                  "Setting platform to predefined "
                      + raw
                      + " in FROM is redundant as this is the default behavior")
              .withFix(
                  Fix.safe(
                      "Remove --platform=" + raw,
                      Platforms.removeFlag(ctx.file().source(), flag.get()))));
    }
  }
}
