package dev.dockerlint.rules.exec;

import dev.dockerlint.imagefs.ExecProblem;
import dev.dockerlint.imagefs.ExecSite;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;

/**
 * The program of an exec-form ENTRYPOINT, CMD, RUN or HEALTHCHECK does not exist where the
 * instruction names it: an absolute or relative path nothing puts there ("no such file or
 * directory"), or a name found in no directory of the PATH in force ("executable file not found in
 * $PATH"). Only stages whose files are known can tell (FROM scratch, what COPY puts there, base
 * images whose files an image source lists).
 */
@RuleInfo(
    code = "DKL1305",
    name = "program-not-found",
    severity = Severity.ERROR,
    summary = "Executed program does not exist in the image",
    predicts = {Predicts.NO_SUCH_FILE, Predicts.NOT_FOUND_IN_PATH})
public final class ProgramNotFound implements Rule {
  @Override
  public void check(RuleContext ctx) {
    for (ExecProblem p : ExecFindings.of(ctx, ExecProblem.Kind.PROGRAM_NOT_FOUND)) {
      if (p.site().kind() != ExecSite.Kind.SHELL) {
        ctx.report(ExecFindings.finding(p));
      }
    }
  }
}
