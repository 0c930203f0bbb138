package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.semantic.Stage;
import java.util.Set;

/**
 * {@code scratch} and {@code context} are reserved: {@code FROM scratch} always means the empty
 * image and {@code --from=context}/named contexts mean the build context, so a stage with either
 * name cannot be referred to.
 *
 * @see <a
 *     href="https://docs.docker.com/reference/build-checks/reserved-stage-name/">ReservedStageName</a>
 */
@RuleInfo(
    code = "DKL3063",
    name = "reserved-stage-name",
    severity = Severity.WARNING,
    summary = "Stage named after a reserved word (scratch, context)",
    aliases = {"DL3063", "ReservedStageName"})
public final class ReservedStageName implements Rule {
  private static final Set<String> RESERVED = Set.of("scratch", "context");

  @Override
  public void check(RuleContext ctx) {
    for (Stage s : ctx.model().stages()) {
      if (s.name().filter(RESERVED::contains).isPresent()) {
        ctx.report(
            Finding.of(
                s.nameWord().get().range(),
                "Stage name should not use the same name as reserved stage \""
                    + s.name().get()
                    + "\""));
      }
    }
  }
}
