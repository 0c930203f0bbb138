package dev.dockerlint.rules.exec;

import dev.dockerlint.imagefs.ExecProblem;
import dev.dockerlint.imagefs.ExecSite;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;

/**
 * A SHELL instruction names a shell that does not exist where it is first used: the next shell-form
 * RUN (or the image's shell-form CMD or ENTRYPOINT) fails to start it. Reported on the SHELL, with
 * the instruction that runs it first.
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/#shell">SHELL</a>
 */
@RuleInfo(
    code = "DKL1307",
    name = "shell-not-found",
    severity = Severity.ERROR,
    summary = "SHELL names a shell that does not exist in the image",
    predicts = {Predicts.NO_SUCH_FILE, Predicts.NOT_FOUND_IN_PATH})
public final class ShellNotFound implements Rule {
  @Override
  public void check(RuleContext ctx) {
    for (ExecProblem p : ExecFindings.of(ctx, ExecProblem.Kind.PROGRAM_NOT_FOUND)) {
      if (p.site().kind() == ExecSite.Kind.SHELL) {
        ctx.report(ExecFindings.finding(p));
      }
    }
  }
}
