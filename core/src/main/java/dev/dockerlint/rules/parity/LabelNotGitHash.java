package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;

/**
 * With a {@code label-schema} that gives a label the type {@code hash}, a value of that label that
 * is not one. Values with variables that have no value here are not judged.
 */
@RuleInfo(
    code = "DKL3055",
    name = "label-not-git-hash",
    severity = Severity.WARNING,
    summary = "Label of type hash in the label schema is not a git hash",
    aliases = {"DL3055"})
public final class LabelNotGitHash implements Rule {
  @Override
  public void check(RuleContext ctx) {
    Labels.checkType(ctx, "hash", LabelValues::hash, "is not a valid git hash.");
  }
}
