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
 * {@code dnf install} (or microdnf) of packages without a version ({@code httpd-2.4.57}), or of a
 * module without a stream. Groups and variables are not judged.
 */
@RuleInfo(
    code = "DKL3041",
    name = "unpinned-dnf-package",
    severity = Severity.WARNING,
    summary = "dnf install without package versions",
    aliases = {"DL3041"})
public final class UnpinnedDnfPackage implements StageRule {
  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    for (Runs.Cmd c : Runs.commands(ctx, stage)) {
      ShellCommand cmd = c.command();
      if (!cmd.isAny(RpmPackages.DNF, "install") || cmd.hasArg("group")) {
        continue;
      }
      boolean module = cmd.hasArg("module");
      List<String> unpinned = new ArrayList<>();
      for (String p : RpmPackages.operands(cmd, "install", "module")) {
        if (p.startsWith("@")) {
          continue;
        }
        if (module ? !p.contains(":") : !RpmPackages.versionFixed(p)) {
          unpinned.add(p);
        }
      }
      if (!unpinned.isEmpty()) {
        ctx.report(
            Finding.of(
                c.range(),
                "Specify version with `dnf install -y <package>-<version>`. (unpinned: "
                    + String.join(", ", unpinned)
                    + ")"));
      }
    }
  }
}
