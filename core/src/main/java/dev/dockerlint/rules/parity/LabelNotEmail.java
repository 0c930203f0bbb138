package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;

/**
 * With a {@code label-schema} that gives a label the type {@code email}, a value of that label that
 * is not one. Values with variables that have no value here are not judged.
 */
@RuleInfo(
    code = "DKL3058",
    name = "label-not-email",
    severity = Severity.WARNING,
    summary = "Label of type email in the label schema is not an email address",
    aliases = {"DL3058"})
public final class LabelNotEmail implements Rule {
  @Override
  public void check(RuleContext ctx) {
    Labels.checkType(
        ctx, "email", LabelValues::email, "is not a valid email format - must conform to RFC5322.");
  }
}
