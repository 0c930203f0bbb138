package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.syntax.ArgInstruction;
import dev.dockerlint.syntax.FromInstruction;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.UnknownInstruction;

/**
 * Only {@code ARG} may come before the first {@code FROM}; BuildKit refuses anything else with "no
 * build stage in current context".
 */
@RuleInfo(
    code = "DKL3061",
    name = "instruction-before-from",
    severity = Severity.ERROR,
    summary = "An instruction other than ARG comes before the first FROM",
    aliases = {"DL3061"})
public final class InstructionBeforeFrom implements Rule {
  @Override
  public void check(RuleContext ctx) {
    for (Instruction i : ctx.file().instructions()) {
      if (i instanceof FromInstruction) {
        return;
      }
      if (!(i instanceof ArgInstruction) && !(i instanceof UnknownInstruction)) {
        ctx.report(
            Finding.of(
                i.keyword().range(),
                "Invalid instruction order. Dockerfile must begin with `FROM`, `ARG` or comment:"
                    + " BuildKit fails with \"no build stage in current context\""));
      }
    }
  }
}
