package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;

/** zypper commands that ask questions, without {@code -n}/{@code -y}: the build hangs or fails. */
@RuleInfo(
    code = "DKL3034",
    name = "zypper-without-non-interactive",
    severity = Severity.WARNING,
    summary = "zypper install or remove without -n or -y",
    aliases = {"DL3034"})
public final class ZypperWithoutNonInteractive implements StageRule {
  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    for (Runs.Cmd c : Runs.commands(ctx, stage)) {
      if (c.command().is("zypper", "install", "in", "remove", "rm", "source-install", "si", "patch")
          && !c.command().hasAnyFlag("non-interactive", "n", "no-confirm", "y")) {
        ctx.report(
            Finding.of(
                c.range(),
                "Non-interactive switch missing from `zypper` command: `zypper install -y`"));
      }
    }
  }
}
