package dev.dockerlint.rules.exec;

import dev.dockerlint.imagefs.ExecProblem;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;

/**
 * A program (ENTRYPOINT, CMD, exec-form RUN, SHELL, or a {@code #!} interpreter on the way) that is
 * an ELF binary for another architecture than the stage's platform, or no Linux executable at all
 * (a Windows or macOS binary, WebAssembly, an object file). The kernel refuses it with {@code
 * ENOEXEC}, which Docker shows as "exec format error".
 *
 * @see <a href="https://docs.docker.com/build/building/multi-platform/">Multi-platform builds</a>
 */
@RuleInfo(
    code = "DKL1300",
    name = "foreign-binary",
    severity = Severity.ERROR,
    summary = "Program is a binary the stage's platform cannot execute",
    predicts = Predicts.EXEC_FORMAT_ERROR)
public final class ForeignBinary implements Rule {
  @Override
  public void check(RuleContext ctx) {
    for (ExecProblem p : ExecFindings.of(ctx, ExecProblem.Kind.FOREIGN_BINARY)) {
      ctx.report(ExecFindings.finding(p));
    }
  }
}
