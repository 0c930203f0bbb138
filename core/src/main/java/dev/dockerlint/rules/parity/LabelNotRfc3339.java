package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;

/**
 * With a {@code label-schema} that gives a label the type {@code rfc3339}, a value of that label
 * that is not one. Values with variables that have no value here are not judged.
 */
@RuleInfo(
    code = "DKL3053",
    name = "label-not-rfc3339",
    severity = Severity.WARNING,
    summary = "Label of type rfc3339 in the label schema is not an RFC 3339 time",
    aliases = {"DL3053"})
public final class LabelNotRfc3339 implements Rule {
  @Override
  public void check(RuleContext ctx) {
    Labels.checkType(
        ctx,
        "rfc3339",
        LabelValues::rfc3339,
        "is not a valid time format - must conform to RFC3339.");
  }
}
