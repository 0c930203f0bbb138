package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;

/** {@code dnf install} (or microdnf) without {@code -y}: dnf waits for an answer. */
@RuleInfo(
    code = "DKL3038",
    name = "dnf-install-without-yes",
    severity = Severity.WARNING,
    summary = "dnf install without -y",
    aliases = {"DL3038"})
public final class DnfInstallWithoutYes implements Rule {
  @Override
  public void check(RuleContext ctx) {
    for (Runs.Cmd c : Runs.commands(ctx)) {
      if (c.command().isAny(RpmPackages.DNF, "install", "groupinstall", "localinstall")
          && !c.command().hasAnyFlag("y", "assumeyes")) {
        ctx.report(
            Finding.of(
                c.range(), "Use the -y switch to avoid manual input `dnf install -y <package>`"));
      }
    }
  }
}
