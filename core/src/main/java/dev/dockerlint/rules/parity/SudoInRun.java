package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;

/**
 * {@code sudo} in a RUN: builds run as root unless a USER says otherwise, and sudo's TTY and signal
 * handling behave unpredictably in containers. Switch users with USER, or with {@code gosu} or
 * {@code su-exec} at run time.
 */
@RuleInfo(
    code = "DKL3004",
    name = "sudo-in-run",
    severity = Severity.WARNING,
    summary = "sudo in a RUN",
    aliases = {"DL3004"})
public final class SudoInRun implements StageRule {
  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    for (Runs.Cmd c : Runs.commands(ctx, stage)) {
      if (c.name().equals("sudo") && !c.command().hasAnyFlag("u", "user")) {
        ctx.report(
            Finding.of(
                c.range(),
                "Do not use sudo as it leads to unpredictable behavior. Use a tool like gosu to"
                    + " enforce root"));
      }
    }
  }
}
