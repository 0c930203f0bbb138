package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;

/**
 * With a {@code label-schema} that gives a label the type {@code spdx}, a value of that label that
 * is not one. Values with variables that have no value here are not judged.
 */
@RuleInfo(
    code = "DKL3054",
    name = "label-not-spdx",
    severity = Severity.WARNING,
    summary = "Label of type spdx in the label schema is not an SPDX license identifier",
    aliases = {"DL3054"})
public final class LabelNotSpdx implements Rule {
  @Override
  public void check(RuleContext ctx) {
    Labels.checkType(ctx, "spdx", LabelValues::spdx, "is not a valid SPDX identifier.");
  }
}
