package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.semantic.Stage;
import java.util.HashMap;
import java.util.Map;

/**
 * Two stages with the same name (compared case-insensitively, as BuildKit does): {@code --from} and
 * {@code --target} reach only the later one, the earlier is silently shadowed.
 *
 * @see <a
 *     href="https://docs.docker.com/reference/build-checks/duplicate-stage-name/">DuplicateStageName</a>
 */
@RuleInfo(
    code = "DKL3024",
    name = "duplicate-stage-name",
    severity = Severity.WARNING,
    summary = "Two build stages have the same name",
    aliases = {"DL3024", "DuplicateStageName"})
public final class DuplicateStageName implements Rule {
  @Override
  public void check(RuleContext ctx) {
    Map<String, Stage> seen = new HashMap<>();
    for (Stage s : ctx.model().stages()) {
      if (s.name().isEmpty()) {
        continue;
      }
      Stage earlier = seen.put(s.name().get(), s);
      if (earlier != null) {
        ctx.report(
            Finding.of(
                    s.nameWord().get().range(),
                    "Duplicate stage name \"" + s.name().get() + "\", stage names should be unique")
                .withRelated(earlier.nameWord().get().range(), "first defined here"));
      }
    }
  }
}
