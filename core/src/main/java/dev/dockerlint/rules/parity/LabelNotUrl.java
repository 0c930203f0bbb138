package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;

/**
 * With a {@code label-schema} that gives a label the type {@code url}, a value of that label that
 * is not one. Values with variables that have no value here are not judged.
 */
@RuleInfo(
    code = "DKL3052",
    name = "label-not-url",
    severity = Severity.WARNING,
    summary = "Label of type url in the label schema is not a URL",
    aliases = {"DL3052"})
public final class LabelNotUrl implements Rule {
  @Override
  public void check(RuleContext ctx) {
    Labels.checkType(ctx, "url", LabelValues::url, "is not a valid URL.");
  }
}
