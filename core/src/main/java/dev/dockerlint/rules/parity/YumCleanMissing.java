package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.shell.ShellCommand;

/**
 * {@code yum install} without {@code yum clean all} (or removing {@code /var/cache/yum}) after it
 * in the same RUN leaves yum's cache in the layer.
 */
@RuleInfo(
    code = "DKL3032",
    name = "yum-clean-missing",
    severity = Severity.WARNING,
    summary = "yum install without yum clean all",
    aliases = {"DL3032"})
public final class YumCleanMissing implements StageRule {
  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    for (Runs.Run r : Runs.of(ctx, stage)) {
      int install = r.indexOf(c -> c.is("yum", "install"));
      if (install < 0 || r.cacheMount("/var/cache/yum")) {
        continue;
      }
      int clean = r.indexOf(YumCleanMissing::clean);
      if (clean < install) {
        ctx.report(
            Finding.of(
                r.commands().get(install).range(), "`yum clean all` missing after yum command."));
      }
    }
  }

  private static boolean clean(ShellCommand c) {
    return (c.name().equals("yum") && c.args().contains("clean"))
        || (c.name().equals("rm") && c.hasArgStartingWith("/var/cache/yum"));
  }
}
