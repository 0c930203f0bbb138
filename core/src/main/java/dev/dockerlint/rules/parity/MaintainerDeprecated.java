package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Edit;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Fix;
import dev.dockerlint.rules.FixAvailability;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.DockerfileText;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.MaintainerInstruction;

/**
 * MAINTAINER is deprecated; a {@code org.opencontainers.image.authors} label says the same in a
 * form tools read.
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/#maintainer-deprecated">MAINTAINER</a>
 */
@RuleInfo(
    code = "DKL4000",
    name = "maintainer-deprecated",
    severity = Severity.WARNING,
    summary = "MAINTAINER is deprecated",
    aliases = {"DL4000", "MaintainerDeprecated"},
    fix = FixAvailability.SOMETIMES)
public final class MaintainerDeprecated implements StageRule {
  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    for (Instruction i : stage.instructions()) {
      if (i instanceof MaintainerInstruction m) {
        Finding f =
            Finding.of(
                m.keyword().range(),
                "MAINTAINER instruction is deprecated in favor of using label");
        if (m.value().isPresent() && m.heredocs().isEmpty()) {
          String label =
              "LABEL org.opencontainers.image.authors="
                  + DockerfileText.doubleQuote(
                      m.value().get().value(), ctx.file().escapeCharacter());
          f = f.withFix(Fix.safe("Replace with an authors LABEL", new Edit(m.range(), label)));
        }
        ctx.report(f);
      }
    }
  }
}
