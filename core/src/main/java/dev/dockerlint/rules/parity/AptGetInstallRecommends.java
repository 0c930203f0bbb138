package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;

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
public final class AptGetInstallRecommends implements Rule {
  @Override
  public void check(RuleContext ctx) {
    for (Runs.Cmd c : Runs.commands(ctx)) {
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
