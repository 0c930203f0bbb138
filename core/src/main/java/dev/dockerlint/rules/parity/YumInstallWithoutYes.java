package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;

/** {@code yum install} without {@code -y}: yum waits for an answer nobody gives. */
@RuleInfo(
    code = "DKL3030",
    name = "yum-install-without-yes",
    severity = Severity.WARNING,
    summary = "yum install without -y",
    aliases = {"DL3030"})
public final class YumInstallWithoutYes implements StageRule {
  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    for (Runs.Cmd c : Runs.commands(ctx, stage)) {
      if (c.command().is("yum", "install", "groupinstall", "localinstall")
          && !c.command().hasAnyFlag("y", "assumeyes")) {
        ctx.report(
            Finding.of(
                c.range(), "Use the -y switch to avoid manual input `yum install -y <package>`"));
      }
    }
  }
}
