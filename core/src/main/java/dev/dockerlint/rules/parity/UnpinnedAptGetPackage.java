package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.ShellWord;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code apt-get install} of packages without a version ({@code curl} instead of {@code
 * curl=8.5.0-2}). Packages given by a variable are not judged: their value is not known here.
 * {@code -t}/{@code --target-release} values, paths and {@code .deb} files are no packages to pin.
 */
@RuleInfo(
    code = "DKL3008",
    name = "unpinned-apt-get-package",
    severity = Severity.WARNING,
    summary = "apt-get install without package versions",
    aliases = {"DL3008"})
public final class UnpinnedAptGetPackage implements StageRule {
  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    for (Runs.Cmd c : Runs.commands(ctx, stage)) {
      ShellCommand cmd = c.command();
      if (!cmd.is("apt-get", "install")) {
        continue;
      }
      List<String> unpinned = new ArrayList<>();
      for (ShellWord w : cmd.dropFlagValues("t", "target-release").argsNoFlags()) {
        String p = w.value();
        if (!w.literal() || p.equals("install") || pinned(p)) {
          continue;
        }
        unpinned.add(p);
      }
      if (!unpinned.isEmpty()) {
        ctx.report(
            Finding.of(
                c.range(),
                "Pin versions in apt get install. Instead of `apt-get install <package>` use"
                    + " `apt-get install <package>=<version>` (unpinned: "
                    + String.join(", ", unpinned)
                    + ")"));
      }
    }
  }

  private static boolean pinned(String p) {
    return p.contains("=") || p.contains("/") || p.endsWith(".deb");
  }
}
