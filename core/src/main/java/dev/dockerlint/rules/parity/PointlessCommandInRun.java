package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;
import java.util.Set;

/**
 * Commands that make no sense while building an image: interactive tools ({@code vim}, {@code top},
 * {@code ssh}) and commands about running processes and the host ({@code ps}, {@code free}, {@code
 * kill}, {@code mount}, {@code service}, {@code shutdown}).
 */
@RuleInfo(
    code = "DKL3001",
    name = "pointless-command-in-run",
    severity = Severity.INFO,
    summary = "RUN uses a command that makes no sense in a build",
    aliases = {"DL3001"})
public final class PointlessCommandInRun implements StageRule {
  private static final Set<String> POINTLESS =
      Set.of("free", "kill", "mount", "ps", "service", "shutdown", "ssh", "top", "vim");

  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    for (Runs.Cmd c : Runs.commands(ctx, stage)) {
      if (POINTLESS.contains(c.name())) {
        ctx.report(
            Finding.of(
                c.range(),
                "For some bash commands it makes no sense running them in a Docker container like"
                    + " `ssh`, `vim`, `shutdown`, `service`, `ps`, `free`, `top`, `kill`,"
                    + " `mount`, `ifconfig` (found `"
                    + c.name()
                    + "`)"));
      }
    }
  }
}
