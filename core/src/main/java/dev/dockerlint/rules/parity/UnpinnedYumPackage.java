package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.shell.ShellCommand;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code yum install} of packages without a version ({@code httpd-2.4.6}), or {@code yum module
 * install} of a module without a stream ({@code nodejs:20}). Variables are not judged.
 */
@RuleInfo(
    code = "DKL3033",
    name = "unpinned-yum-package",
    severity = Severity.WARNING,
    summary = "yum install without package versions",
    aliases = {"DL3033"})
public final class UnpinnedYumPackage implements StageRule {
  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    for (Runs.Cmd c : Runs.commands(ctx, stage)) {
      ShellCommand cmd = c.command();
      if (!cmd.is("yum", "install")) {
        continue;
      }
      boolean module = cmd.hasArg("module");
      List<String> unpinned = new ArrayList<>();
      for (String p : RpmPackages.operands(cmd, "install", "module")) {
        if (module ? !p.contains(":") : !RpmPackages.versionFixed(p)) {
          unpinned.add(p);
        }
      }
      if (!unpinned.isEmpty()) {
        ctx.report(
            Finding.of(
                c.range(),
                "Specify version with `yum install -y <package>-<version>` (unpinned: "
                    + String.join(", ", unpinned)
                    + ")"));
      }
    }
  }
}
