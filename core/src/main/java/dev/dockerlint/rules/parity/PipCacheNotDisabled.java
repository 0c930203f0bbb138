package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code pip install} keeps its download cache in the image unless told not to: {@code
 * --no-cache-dir}, a truthy {@code PIP_NO_CACHE_DIR} (ENV in scope or set in the script), or a
 * cache mount on {@code ~/.cache/pip}. pipx and pipenv are not pip.
 */
@RuleInfo(
    code = "DKL3042",
    name = "pip-cache-not-disabled",
    severity = Severity.WARNING,
    summary = "pip install keeps its cache in the image",
    aliases = {"DL3042"})
public final class PipCacheNotDisabled implements StageRule {
  private static final Set<String> TRUTHY =
      Set.of("1", "true", "True", "TRUE", "on", "On", "ON", "yes", "Yes", "YES");
  private static final Pattern INLINE = Pattern.compile("PIP_NO_CACHE_DIR=[\"']?([^\\s\"';&|]*)");

  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    for (Runs.Run r : Runs.of(ctx, stage)) {
      boolean env =
          ctx.model()
              .scopeBefore(r.instruction())
              .get("PIP_NO_CACHE_DIR")
              .filter(TRUTHY::contains)
              .isPresent();
      if (env || inline(r.text()) || r.cacheMount(".cache/pip")) {
        continue;
      }
      for (Runs.Cmd c : r.commands()) {
        if (Pip.isInstall(c.command())
            && !c.command().hasArg("--no-cache-dir")
            && !Pip.isWrapper(c.command())) {
          ctx.report(
              Finding.of(
                  c.range(),
                  "Avoid use of cache directory with pip. Use `pip install --no-cache-dir"
                      + " <package>`"));
        }
      }
    }
  }

  private static boolean inline(String text) {
    Matcher m = INLINE.matcher(text);
    while (m.find()) {
      if (TRUTHY.contains(m.group(1))) {
        return true;
      }
    }
    return false;
  }
}
