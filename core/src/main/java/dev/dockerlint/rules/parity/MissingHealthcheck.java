package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.semantic.Base;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.HealthcheckInstruction;
import dev.dockerlint.syntax.Instruction;
import java.util.Optional;

/**
 * Off by default: the final image has no HEALTHCHECK, neither its own nor one from the stage it is
 * based on. For policies that require one; orchestrators such as Kubernetes bring their own probes
 * and ignore it. Build stages are not checked (hadolint checks every stage).
 */
@RuleInfo(
    code = "DKL3057",
    name = "missing-healthcheck",
    severity = Severity.INFO,
    summary = "The final image has no HEALTHCHECK",
    aliases = {"DL3057"},
    enabledByDefault = false)
public final class MissingHealthcheck implements Rule {
  @Override
  public void check(RuleContext ctx) {
    Optional<Stage> fin = ctx.model().finalStage();
    if (fin.isEmpty()) {
      return;
    }
    Stage s = fin.get();
    for (int guard = 0; s != null && guard < 1000; guard++) {
      for (Instruction i : s.instructions()) {
        if (i instanceof HealthcheckInstruction) {
          return;
        }
      }
      s = s.base() instanceof Base.StageBase b ? ctx.model().stages().get(b.stageIndex()) : null;
    }
    ctx.report(
        Finding.of(fin.get().from().keyword().range(), "`HEALTHCHECK` instruction missing."));
  }
}
