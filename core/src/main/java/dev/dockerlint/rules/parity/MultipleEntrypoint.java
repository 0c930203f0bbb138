package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.syntax.InstructionKind;

/**
 * More than one ENTRYPOINT in a stage: only the last takes effect, the earlier ones are dead code
 * that reads as if it mattered.
 *
 * @see <a
 *     href="https://docs.docker.com/reference/build-checks/multiple-instructions-disallowed/">MultipleInstructionsDisallowed</a>
 */
@RuleInfo(
    code = "DKL4004",
    name = "multiple-entrypoint",
    severity = Severity.WARNING,
    summary = "More than one ENTRYPOINT in a stage",
    aliases = {"DL4004", "MultipleInstructionsDisallowed"})
public final class MultipleEntrypoint implements Rule {
  @Override
  public void check(RuleContext ctx) {
    MultipleInstructions.check(ctx, InstructionKind.ENTRYPOINT);
  }
}
