package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Edit;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Fix;
import dev.dockerlint.rules.FixAvailability;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;
import java.util.Locale;

/**
 * An EXPOSE protocol that is not lowercase ({@code 80/TCP}): BuildKit accepts it but records the
 * lowercase form.
 *
 * @see <a
 *     href="https://docs.docker.com/reference/build-checks/expose-proto-casing/">ExposeProtoCasing</a>
 */
@RuleInfo(
    code = "DKL5008",
    name = "expose-protocol-casing",
    severity = Severity.WARNING,
    summary = "EXPOSE protocol not lowercase",
    aliases = {"ExposeProtoCasing"},
    fix = FixAvailability.SOMETIMES)
public final class ExposeProtocolCasing implements StageRule {
  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    for (ExposePorts.Port p : ExposePorts.of(ctx, stage)) {
      if (p.proto().equals(p.proto().toLowerCase(Locale.ROOT))) {
        continue;
      }
      Finding f =
          Finding.of(
              p.range(),
              "Defined protocol '" + p.raw() + "' in EXPOSE instruction should be lowercase");
      String text = ctx.file().source().slice(p.range());
      if (p.literal() && text.equals(p.raw())) {
        int slash = text.lastIndexOf('/');
        f =
            f.withFix(
                Fix.safe(
                    "Lowercase the protocol",
                    new Edit(
                        p.range(),
                        text.substring(0, slash + 1) + p.proto().toLowerCase(Locale.ROOT))));
      }
      ctx.report(f);
    }
  }
}
