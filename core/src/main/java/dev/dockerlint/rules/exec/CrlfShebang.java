package dev.dockerlint.rules.exec;

import dev.dockerlint.imagefs.ExecProblem;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;

/**
 * A script started as a program whose {@code #!} line ends in CRLF. The kernel splits the line at
 * blanks only, so the carriage return becomes part of the interpreter's name ({@code /bin/sh\r}),
 * which does not exist: "no such file or directory", although both the script and {@code /bin/sh}
 * are there.
 */
@RuleInfo(
    code = "DKL1303",
    name = "crlf-shebang",
    severity = Severity.ERROR,
    summary = "Executed script has Windows line endings in its #! line",
    predicts = Predicts.NO_SUCH_FILE)
public final class CrlfShebang implements Rule {
  @Override
  public void check(RuleContext ctx) {
    for (ExecProblem p : ExecFindings.of(ctx, ExecProblem.Kind.CRLF_SHEBANG)) {
      ctx.report(ExecFindings.finding(p));
    }
  }
}
