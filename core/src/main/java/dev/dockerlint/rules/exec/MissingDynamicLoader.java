package dev.dockerlint.rules.exec;

import dev.dockerlint.imagefs.ExecProblem;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;

/**
 * A dynamically linked ELF program whose loader ({@code PT_INTERP}, e.g. {@code
 * /lib64/ld-linux-x86-64.so.2} for glibc or {@code /lib/ld-musl-x86_64.so.1} for musl) does not
 * exist in the image: {@code execve} fails with "no such file or directory" although the program
 * itself is there. Typical for a glibc binary in {@code FROM scratch} or Alpine.
 */
@RuleInfo(
    code = "DKL1308",
    name = "missing-dynamic-loader",
    severity = Severity.ERROR,
    summary = "Dynamically linked program's loader does not exist in the image",
    predicts = Predicts.NO_SUCH_FILE)
public final class MissingDynamicLoader implements Rule {
  @Override
  public void check(RuleContext ctx) {
    for (ExecProblem p : ExecFindings.of(ctx, ExecProblem.Kind.LOADER_NOT_FOUND)) {
      ctx.report(ExecFindings.finding(p));
    }
  }
}
