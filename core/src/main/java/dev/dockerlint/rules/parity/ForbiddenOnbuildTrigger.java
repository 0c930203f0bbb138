package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.InstructionKind;
import dev.dockerlint.syntax.OnbuildInstruction;

/**
 * {@code ONBUILD ONBUILD}, {@code ONBUILD FROM} and {@code ONBUILD MAINTAINER} are not allowed:
 * BuildKit refuses the Dockerfile.
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/#onbuild">ONBUILD</a>
 */
@RuleInfo(
    code = "DKL3043",
    name = "forbidden-onbuild-trigger",
    severity = Severity.ERROR,
    summary = "ONBUILD triggers ONBUILD, FROM or MAINTAINER",
    aliases = {"DL3043"})
public final class ForbiddenOnbuildTrigger implements Rule {
  @Override
  public void check(RuleContext ctx) {
    for (Instruction i : ctx.file().instructions()) {
      if (i instanceof OnbuildInstruction o && o.trigger().isPresent()) {
        Instruction t = o.trigger().get();
        InstructionKind k = t.kind();
        if (k == InstructionKind.ONBUILD
            || k == InstructionKind.FROM
            || k == InstructionKind.MAINTAINER) {
          ctx.report(
              Finding.of(
                  t.keyword().range(),
                  "`ONBUILD`, `FROM` or `MAINTAINER` triggered from within `ONBUILD`"
                      + " instruction: "
                      + t.keyword().canonical()
                      + " isn't allowed as an ONBUILD trigger"));
        }
      }
    }
  }
}
