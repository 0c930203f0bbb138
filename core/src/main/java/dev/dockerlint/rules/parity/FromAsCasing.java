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
import dev.dockerlint.syntax.FromInstruction;
import dev.dockerlint.syntax.Word;
import java.util.Locale;

/**
 * The {@code AS} of a FROM in another case than the {@code FROM} keyword ({@code FROM x as y}).
 * When {@code FROM} itself is mixed case, ConsistentInstructionCasing reports it instead.
 *
 * @see <a href="https://docs.docker.com/reference/build-checks/from-as-casing/">FromAsCasing</a>
 */
@RuleInfo(
    code = "DKL5002",
    name = "from-as-casing",
    severity = Severity.WARNING,
    summary = "The AS keyword's case differs from FROM's",
    aliases = {"FromAsCasing"},
    fix = FixAvailability.ALWAYS)
public final class FromAsCasing implements StageRule {
  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    FromInstruction from = stage.from();
    if (from.words().size() < 3) {
      return;
    }
    String kw = from.keyword().text();
    boolean lower = kw.equals(kw.toLowerCase(Locale.ROOT));
    boolean upper = kw.equals(kw.toUpperCase(Locale.ROOT));
    if (!lower && !upper) {
      return;
    }
    Word as = from.words().get(1);
    String want = lower ? as.value().toLowerCase(Locale.ROOT) : as.value().toUpperCase(Locale.ROOT);
    if (!as.value().equals(want)) {
      ctx.report(
          Finding.of(
                  as.range(), "'" + as.value() + "' and '" + kw + "' keywords' casing do not match")
              .withFix(Fix.safe("Write '" + want + "'", new Edit(as.range(), want))));
    }
  }
}
