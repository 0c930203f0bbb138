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
 * {@code apk add} of packages without a version constraint ({@code curl} instead of {@code
 * curl=8.9.1-r0} or {@code curl~8.9}). {@code --virtual}/{@code -t}, {@code --repository}/{@code
 * -X} values and {@code .apk} files are no packages to pin; variables are not judged.
 */
@RuleInfo(
    code = "DKL3018",
    name = "unpinned-apk-package",
    severity = Severity.WARNING,
    summary = "apk add without package versions",
    aliases = {"DL3018"})
public final class UnpinnedApkPackage implements StageRule {
  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    for (Runs.Cmd c : Runs.commands(ctx, stage)) {
      ShellCommand cmd = c.command();
      if (!cmd.is("apk", "add")) {
        continue;
      }
      List<String> unpinned = new ArrayList<>();
      for (ShellWord w : cmd.dropFlagValues("t", "virtual", "repository", "X").argsNoFlags()) {
        String p = w.value();
        if (!w.literal() || p.equals("add")) {
          continue;
        }
        if (!(p.contains("=")
            || p.contains("~")
            || p.contains(">")
            || p.contains("<")
            || p.endsWith(".apk"))) {
          unpinned.add(p);
        }
      }
      if (!unpinned.isEmpty()) {
        ctx.report(
            Finding.of(
                c.range(),
                "Pin versions in apk add. Instead of `apk add <package>` use `apk add"
                    + " <package>=<version>` (unpinned: "
                    + String.join(", ", unpinned)
                    + ")"));
      }
    }
  }
}
