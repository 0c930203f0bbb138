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
import dev.dockerlint.shell.ShellWord;
import java.util.Set;

/**
 * {@code apt} is the interactive front end: its output and interface may change between releases
 * and it warns that it has no stable command line interface. Scripts use {@code apt-get} and {@code
 * apt-cache}.
 */
@RuleInfo(
    code = "DKL3027",
    name = "apt-in-run",
    severity = Severity.WARNING,
    summary = "apt used instead of apt-get or apt-cache",
    aliases = {"DL3027"},
    fix = FixAvailability.SOMETIMES)
public final class AptInRun implements StageRule {
  /** Subcommands apt-get runs the same way. */
  private static final Set<String> SAME_IN_APT_GET =
      Set.of(
          "install",
          "update",
          "upgrade",
          "remove",
          "purge",
          "autoremove",
          "dist-upgrade",
          "clean",
          "autoclean");

  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    for (Runs.Cmd c : Runs.commands(ctx, stage)) {
      if (c.name().equals("apt")) {
        Finding f =
            Finding.of(
                c.range(),
                "Do not use apt as it is meant to be an end-user tool, use apt-get or apt-cache"
                    + " instead");
        ShellWord name = c.command().nameWord();
        if (name.value().equals("apt")
            && !c.command().arguments().isEmpty()
            && SAME_IN_APT_GET.contains(c.command().arguments().get(0).value())) {
          f = f.withFix(Fix.safe("Use apt-get", new Edit(c.range(name), "apt-get")));
        }
        ctx.report(f);
      }
    }
  }
}
