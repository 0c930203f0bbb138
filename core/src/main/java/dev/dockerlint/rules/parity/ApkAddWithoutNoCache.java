package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;

/**
 * {@code apk add} without {@code --no-cache} leaves the package index and cache in the image
 * (unless {@code /var/cache/apk} is a cache or tmpfs mount).
 */
@RuleInfo(
    code = "DKL3019",
    name = "apk-add-without-no-cache",
    severity = Severity.INFO,
    summary = "apk add without --no-cache",
    aliases = {"DL3019"})
public final class ApkAddWithoutNoCache implements StageRule {
  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    for (Runs.Run r : Runs.of(ctx, stage)) {
      if (r.cacheMount("/var/cache/apk")) {
        continue;
      }
      for (Runs.Cmd c : r.commands()) {
        if (c.command().is("apk", "add") && !c.command().hasFlag("no-cache")) {
          ctx.report(
              Finding.of(
                  c.range(),
                  "Use the `--no-cache` switch to avoid the need to use `--update` and remove"
                      + " `/var/cache/apk/*` when done installing packages"));
        }
      }
    }
  }
}
