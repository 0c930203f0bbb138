package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.Flag;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.RunInstruction;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two RUN instructions in a row, each with one or two commands and the same flags: each RUN is a
 * layer, and consolidating them saves one. RUNs with more commands are deliberate steps, and
 * heredoc RUNs are scripts that are already written as one (hadolint suggests merging those too).
 */
@RuleInfo(
    code = "DKL3059",
    name = "consecutive-run",
    severity = Severity.INFO,
    summary = "Consecutive RUN instructions that could be one",
    aliases = {"DL3059"})
public final class ConsecutiveRun implements StageRule {
  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    Map<Instruction, Runs.Run> runs = new IdentityHashMap<>();
    for (Runs.Run r : Runs.of(ctx, stage)) {
      runs.put(r.instruction(), r);
    }
    Runs.Run previous = null;
    for (Instruction i : stage.instructions()) {
      Runs.Run r = i instanceof RunInstruction ? runs.get(i) : null;
      if (r == null || r.heredoc()) {
        previous = null;
        continue;
      }
      if (previous != null
          && flags(previous.instruction()).equals(flags(i))
          && previous.commands().size() <= 2
          && r.commands().size() <= 2) {
        ctx.report(
            Finding.of(
                    i.keyword().range(),
                    "Multiple consecutive `RUN` instructions. Consider consolidation.")
                .withRelated(previous.instruction().keyword().range(), "the RUN before"));
      }
      previous = r;
    }
  }

  private static List<String> flags(Instruction i) {
    return i.flags().stream().map(Flag::text).sorted().toList();
  }
}
