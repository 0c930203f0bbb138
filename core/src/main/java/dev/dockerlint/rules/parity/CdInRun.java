package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;
import java.util.List;

/**
 * {@code cd} in a RUN changes the directory for the rest of that RUN only, and hides where the
 * commands after it run. WORKDIR says it once for every later instruction; absolute paths need no
 * change of directory. A {@code cd} inside a subshell ({@code (cd dir && make)}) is what hadolint's
 * documentation recommends and is not reported (hadolint reports it).
 */
@RuleInfo(
    code = "DKL3003",
    name = "cd-in-run",
    severity = Severity.INFO,
    summary = "cd in a RUN instead of WORKDIR",
    aliases = {"DL3003"})
public final class CdInRun implements StageRule {
  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    for (Runs.Run r : Runs.of(ctx, stage)) {
      check(ctx, r);
    }
  }

  private static void check(RuleContext ctx, Runs.Run r) {
    for (Runs.Cmd c : r.commands()) {
      if (c.name().equals("cd") && !c.command().subshell() && !temporary(c, r)) {
        ctx.report(Finding.of(c.range(), "Use WORKDIR to switch to a directory"));
      }
    }
  }

  /**
   * A {@code cd} that WORKDIR cannot replace: back to {@code /}, home, the previous or the parent
   * directory, into a directory held in a variable (such as {@code mktemp -d}'s), or into a
   * directory the same RUN removes later (a temporary build directory).
   */
  private static boolean temporary(Runs.Cmd c, Runs.Run r) {
    List<String> args = c.command().args();
    if (args.isEmpty()) {
      return true;
    }
    String dir = args.get(args.size() - 1);
    if (dir.equals("/")
        || dir.equals("-")
        || dir.equals("..")
        || dir.startsWith("~")
        || dir.contains("${")) {
      return true;
    }
    String target =
        dir.endsWith("/") && dir.length() > 1 ? dir.substring(0, dir.length() - 1) : dir;
    for (Runs.Cmd later : r.commands()) {
      if (later.script() == c.script()
          && later.name().equals("rm")
          && later.command().start() > c.command().start()
          && later.command().args().stream()
              .anyMatch(
                  a -> a.equals(target) || a.equals(target + "/") || a.startsWith(target + "/*"))) {
        return true;
      }
    }
    return false;
  }
}
