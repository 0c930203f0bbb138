package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.shell.ShellCommand;

/**
 * dnf (or microdnf) installing or upgrading without {@code dnf clean all} (or removing its cache
 * directory) after it in the same RUN leaves the metadata cache in the layer. Cache or tmpfs mounts
 * on the cache directories are fine.
 */
@RuleInfo(
    code = "DKL3040",
    name = "dnf-clean-missing",
    severity = Severity.WARNING,
    summary = "dnf install without dnf clean all",
    aliases = {"DL3040"})
public final class DnfCleanMissing implements StageRule {
  private static final String[] INSTALL = {
    "install", "in", "upgrade", "up", "upgrade-minimal", "up-min", "reinstall", "rei"
  };

  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    for (Runs.Run r : Runs.of(ctx, stage)) {
      if (r.cacheMount("/var/cache/libdnf5")
          || r.cacheMount(".cache/libdnf5")
          || r.cacheMount("/var/cache/dnf")
          || r.cacheMount("/var/cache/yum")) {
        continue;
      }
      for (String dnf : RpmPackages.DNF) {
        int install = r.indexOf(c -> c.is(dnf, INSTALL));
        if (install < 0) {
          continue;
        }
        int clean = r.indexOf(c -> clean(c, dnf));
        if (clean < install) {
          ctx.report(
              Finding.of(
                  r.commands().get(install).range(), "`dnf clean all` missing after dnf command."));
        }
      }
    }
  }

  private static boolean clean(ShellCommand c, String dnf) {
    return (c.name().equals(dnf) && c.args().contains("clean"))
        || (c.name().equals("rm")
            && (c.hasArgStartingWith("/var/cache/libdnf5")
                || c.hasArgStartingWith("/var/cache/dnf")
                || c.hasArgStartingWith("/var/cache/yum")));
  }
}
