package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A stage that uses both {@code wget} and {@code curl}: two tools for one job, both kept in the
 * image. Reported on each RUN that uses one of them once the stage has used both.
 */
@RuleInfo(
    code = "DKL4001",
    name = "wget-and-curl",
    severity = Severity.WARNING,
    summary = "Both wget and curl in one stage",
    aliases = {"DL4001"})
public final class WgetAndCurl implements StageRule {
  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    Map<Integer, Set<String>> seen = new HashMap<>();
    for (Runs.Run r : Runs.of(ctx, stage)) {
      Optional<Stage> s = ctx.model().stageOf(r.instruction());
      int key = s.map(Stage::index).orElse(-1);
      Set<String> tools = seen.computeIfAbsent(key, k -> new HashSet<>());
      Runs.Cmd first = null;
      for (Runs.Cmd c : r.commands()) {
        if (c.name().equals("curl") || c.name().equals("wget")) {
          tools.add(c.name());
          if (first == null) {
            first = c;
          }
        }
      }
      if (first != null && tools.size() == 2) {
        ctx.report(Finding.of(first.range(), "Either use Wget or Curl but not both"));
      }
    }
  }
}
