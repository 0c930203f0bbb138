package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;

/**
 * {@code apt-get install} without {@code --no-install-recommends} also installs every package the
 * requested ones merely recommend: more size, more attack surface, nothing asked for.
 */
@RuleInfo(
    code = "DKL3015",
    name = "apt-get-install-recommends",
    severity = Severity.INFO,
    summary = "apt-get install without --no-install-recommends",
    aliases = {"DL3015"})
public final class AptGetInstallRecommends implements StageRule {
  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    for (Runs.Cmd c : Runs.commands(ctx, stage)) {
      if (c.command().is("apt-get", "install")
          && !c.command().hasFlag("no-install-recommends")
          && !c.command().hasArg("APT::Install-Recommends=false")) {
        ctx.report(
            Finding.of(
                c.range(), "Avoid additional packages by specifying `--no-install-recommends`"));
      }
    }
  }
}
