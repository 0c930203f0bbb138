package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;

/** A label of the {@code label-schema} set to an empty value. */
@RuleInfo(
    code = "DKL3051",
    name = "empty-label",
    severity = Severity.WARNING,
    summary = "A label of the label schema is empty",
    aliases = {"DL3051"})
public final class EmptyLabel implements Rule {
  @Override
  public void check(RuleContext ctx) {
    if (ctx.config().labelSchema().isEmpty()) {
      return; // no label is required to have a value
    }
    for (Labels.Label l : Labels.of(ctx)) {
      if (ctx.config().labelSchema().containsKey(l.key())
          && l.value().isPresent()
          && l.value().get().isEmpty()) {
        ctx.report(Finding.of(l.pair().range(), "label `" + l.key() + "` is empty."));
      }
    }
  }
}
