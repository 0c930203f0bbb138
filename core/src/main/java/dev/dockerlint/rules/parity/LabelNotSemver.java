package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;

/**
 * With a {@code label-schema} that gives a label the type {@code semver}, a value of that label
 * that is not one. Values with variables that have no value here are not judged.
 */
@RuleInfo(
    code = "DKL3056",
    name = "label-not-semver",
    severity = Severity.WARNING,
    summary = "Label of type semver in the label schema is not a semantic version",
    aliases = {"DL3056"})
public final class LabelNotSemver implements Rule {
  @Override
  public void check(RuleContext ctx) {
    Labels.checkType(
        ctx, "semver", LabelValues::semver, "does not conform to semantic versioning.");
  }
}
