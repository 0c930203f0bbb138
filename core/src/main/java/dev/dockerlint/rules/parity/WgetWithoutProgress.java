package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.shell.ShellCommand;

/**
 * GNU {@code wget} prints a progress line for every fraction of a percent, which floods build logs
 * on large downloads. Not reported on Alpine and BusyBox bases, whose {@code wget} has no {@code
 * --progress} option (hadolint's advice breaks the build there).
 */
@RuleInfo(
    code = "DKL3047",
    name = "wget-without-progress",
    severity = Severity.INFO,
    summary = "wget without --progress or -q",
    aliases = {"DL3047"})
public final class WgetWithoutProgress implements StageRule {
  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    for (Runs.Cmd c : Runs.commands(ctx, stage)) {
      ShellCommand cmd = c.command();
      if (!cmd.name().equals("wget") || quiet(cmd)) {
        continue;
      }
      if (ctx.model()
          .stageOf(c.script().instruction())
          .map(s -> BaseImages.busyboxLike(ctx.model(), s))
          .orElse(false)) {
        continue;
      }
      ctx.report(
          Finding.of(
              c.range(),
              "Avoid use of wget without progress bar. Use `wget --progress=dot:giga <url>`. Or"
                  + " consider using `-q` or `-nv` (shorthands for `--quiet` or"
                  + " `--no-verbose`)."));
    }
  }

  private static boolean quiet(ShellCommand c) {
    return c.hasFlag("progress")
        || c.hasAnyFlag("q", "quiet", "o", "output-file", "a", "append-output", "no-verbose")
        || c.hasArg("-nv");
  }
}
