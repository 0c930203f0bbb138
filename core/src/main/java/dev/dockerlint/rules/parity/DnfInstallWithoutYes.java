package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;

/** {@code dnf install} (or microdnf) without {@code -y}: dnf waits for an answer. */
@RuleInfo(
    code = "DKL3038",
    name = "dnf-install-without-yes",
    severity = Severity.WARNING,
    summary = "dnf install without -y",
    aliases = {"DL3038"})
public final class DnfInstallWithoutYes implements StageRule {
  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    for (Runs.Cmd c : Runs.commands(ctx, stage)) {
      if (c.command().isAny(RpmPackages.DNF, "install", "groupinstall", "localinstall")
          && !c.command().hasAnyFlag("y", "assumeyes")) {
        ctx.report(
            Finding.of(
                c.range(), "Use the -y switch to avoid manual input `dnf install -y <package>`"));
      }
    }
  }
}
