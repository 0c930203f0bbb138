package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Edit;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Fix;
import dev.dockerlint.rules.FixAvailability;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.ShellWord;
import dev.dockerlint.syntax.Range;

/**
 * {@code apt-get install} without {@code -y} (or {@code --yes}, {@code --assume-yes}, {@code -qq}):
 * apt asks for confirmation, and a build has nobody to answer, so the step fails.
 */
@RuleInfo(
    code = "DKL3014",
    name = "apt-get-without-yes",
    severity = Severity.WARNING,
    summary = "apt-get install without -y",
    aliases = {"DL3014"},
    fix = FixAvailability.ALWAYS)
public final class AptGetWithoutYes implements StageRule {
  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    for (Runs.Cmd c : Runs.commands(ctx, stage)) {
      ShellCommand cmd = c.command();
      if (cmd.is("apt-get", "install") && !yes(cmd)) {
        Finding f =
            Finding.of(
                c.range(),
                "Use the `-y` switch to avoid manual input `apt-get -y install <package>`");
        for (ShellWord w : cmd.arguments()) {
          if (w.value().equals("install")) {
            Range at = c.range(w);
            f = f.withFix(Fix.safe("Add -y", new Edit(Range.at(at.end()), " -y")));
            break;
          }
        }
        ctx.report(f);
      }
    }
  }

  private static boolean yes(ShellCommand c) {
    return c.hasAnyFlag("y", "yes", "qq", "assume-yes")
        || c.countFlag("q") == 2
        || c.countFlag("quiet") == 2
        || c.hasArg("-q=2");
  }
}
