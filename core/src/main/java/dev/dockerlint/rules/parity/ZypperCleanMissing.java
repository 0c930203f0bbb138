package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;

/**
 * {@code zypper install} without {@code zypper clean} after it in the same RUN leaves zypper's
 * cache in the layer (unless {@code /var/cache/zypp} is a cache or tmpfs mount).
 */
@RuleInfo(
    code = "DKL3036",
    name = "zypper-clean-missing",
    severity = Severity.WARNING,
    summary = "zypper install without zypper clean",
    aliases = {"DL3036"})
public final class ZypperCleanMissing implements StageRule {
  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    for (Runs.Run r : Runs.of(ctx, stage)) {
      int install = r.indexOf(c -> c.is("zypper", "install", "in"));
      if (install < 0 || r.cacheMount("/var/cache/zypp")) {
        continue;
      }
      int clean = r.indexOf(c -> c.is("zypper", "clean", "cc"));
      if (clean < install) {
        ctx.report(
            Finding.of(
                r.commands().get(install).range(), "`zypper clean` missing after zypper use."));
      }
    }
  }
}
