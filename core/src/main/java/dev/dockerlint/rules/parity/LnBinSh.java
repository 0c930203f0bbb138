package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;

/**
 * Replacing {@code /bin/sh} with a link ({@code ln -sf /bin/bash /bin/sh}) changes the shell of
 * every script and package hook in the image; SHELL changes it for the Dockerfile's own RUN steps
 * only.
 */
@RuleInfo(
    code = "DKL4005",
    name = "ln-bin-sh",
    severity = Severity.WARNING,
    summary = "ln replaces /bin/sh instead of using SHELL",
    aliases = {"DL4005"})
public final class LnBinSh implements StageRule {
  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    for (Runs.Cmd c : Runs.commands(ctx, stage)) {
      if (c.command().is("ln", "/bin/sh")) {
        ctx.report(Finding.of(c.range(), "Use SHELL to change the default shell"));
      }
    }
  }
}
