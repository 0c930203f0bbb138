package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.InstructionKind;

/**
 * More than one HEALTHCHECK in a stage: only the last takes effect, the earlier ones are dead code
 * that reads as if it mattered.
 *
 * @see <a
 *     href="https://docs.docker.com/reference/build-checks/multiple-instructions-disallowed/">MultipleInstructionsDisallowed</a>
 */
@RuleInfo(
    code = "DKL3012",
    name = "multiple-healthcheck",
    severity = Severity.WARNING,
    summary = "More than one HEALTHCHECK in a stage",
    aliases = {"DL3012", "MultipleInstructionsDisallowed"})
public final class MultipleHealthcheck implements StageRule {
  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    MultipleInstructions.check(ctx, stage, InstructionKind.HEALTHCHECK);
  }
}
