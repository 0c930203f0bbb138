package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.syntax.OnbuildInstruction;

/**
 * {@code yarn install} without {@code yarn cache clean} after it in the same RUN leaves yarn's
 * package cache in the image. Only stages whose files reach an image are looked at; a cache or
 * tmpfs mount on {@code ~/.cache/yarn} is fine.
 */
@RuleInfo(
    code = "DKL3060",
    name = "yarn-cache-not-cleaned",
    severity = Severity.INFO,
    summary = "yarn install without yarn cache clean",
    aliases = {"DL3060"})
public final class YarnCacheNotCleaned implements StageRule {
  @Override
  public Object stageKey(RuleContext ctx, Stage stage) {
    return AptListsNotDeleted.imageStage(ctx, stage);
  }

  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    boolean kept = AptListsNotDeleted.imageStage(ctx, stage);
    for (Runs.Run r : Runs.of(ctx, stage)) {
      boolean relevant = r.instruction() instanceof OnbuildInstruction || kept;
      int install = r.indexOf(YarnCacheNotCleaned::install);
      if (!relevant || install < 0 || r.cacheMount(".cache/yarn")) {
        continue;
      }
      int clean = r.indexOf(YarnCacheNotCleaned::clean);
      if (clean < 0 || clean < install) {
        ctx.report(
            Finding.of(
                r.commands().get(install).range(),
                "`yarn cache clean` missing after `yarn install` was run."));
      }
    }
  }

  private static boolean install(ShellCommand c) {
    return c.is("yarn", "install");
  }

  private static boolean clean(ShellCommand c) {
    return c.name().equals("yarn") && c.args().contains("cache") && c.args().contains("clean");
  }
}
