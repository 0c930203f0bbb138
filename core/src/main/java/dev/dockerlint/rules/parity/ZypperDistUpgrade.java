package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;

/**
 * {@code zypper dist-upgrade} in an image: upgrades the whole distribution under the base image.
 */
@RuleInfo(
    code = "DKL3035",
    name = "zypper-dist-upgrade",
    severity = Severity.WARNING,
    summary = "zypper dist-upgrade in a RUN",
    aliases = {"DL3035"})
public final class ZypperDistUpgrade implements StageRule {
  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    for (Runs.Cmd c : Runs.commands(ctx, stage)) {
      if (c.command().is("zypper", "dist-upgrade", "dup")) {
        ctx.report(Finding.of(c.range(), "Do not use `zypper dist-upgrade`."));
      }
    }
  }
}
