package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;
import java.util.ArrayList;
import java.util.List;

/** {@code zypper install} of packages without a version ({@code httpd=2.4.46}). */
@RuleInfo(
    code = "DKL3037",
    name = "unpinned-zypper-package",
    severity = Severity.WARNING,
    summary = "zypper install without package versions",
    aliases = {"DL3037"})
public final class UnpinnedZypperPackage implements StageRule {
  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    for (Runs.Cmd c : Runs.commands(ctx, stage)) {
      if (!c.command().is("zypper", "install", "in")) {
        continue;
      }
      List<String> unpinned = new ArrayList<>();
      for (String p : RpmPackages.operands(c.command(), "install", "in")) {
        if (!(p.contains("=") || p.contains(">") || p.contains("<") || p.endsWith(".rpm"))) {
          unpinned.add(p);
        }
      }
      if (!unpinned.isEmpty()) {
        ctx.report(
            Finding.of(
                c.range(),
                "Specify version with `zypper install -y <package>[=]<version>`. (unpinned: "
                    + String.join(", ", unpinned)
                    + ")"));
      }
    }
  }
}
