package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;

/** With {@code strict-labels: true}, labels that are not in the {@code label-schema}. */
@RuleInfo(
    code = "DKL3050",
    name = "superfluous-label",
    severity = Severity.INFO,
    summary = "A label that the strict label schema does not list",
    aliases = {"DL3050"})
public final class SuperfluousLabel implements Rule {
  @Override
  public void check(RuleContext ctx) {
    if (!ctx.config().strictLabels()) {
      return;
    }
    for (Labels.Label l : Labels.of(ctx)) {
      if (!ctx.config().labelSchema().containsKey(l.key())) {
        ctx.report(
            Finding.of(
                l.pair().key().range(),
                "Superfluous label(s) present: `" + l.key() + "` is not in the label schema."));
      }
    }
  }
}
