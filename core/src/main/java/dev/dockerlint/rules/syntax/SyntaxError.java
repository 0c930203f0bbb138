package dev.dockerlint.rules.syntax;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.syntax.SyntaxProblem;

/**
 * Text that BuildKit cannot parse, or an instruction it rejects before running anything: the build
 * fails at once. Reported at the exact place so the rest of the file can still be checked.
 */
@RuleInfo(
    code = "DKL0001",
    name = "syntax-error",
    severity = Severity.ERROR,
    summary = "The Dockerfile does not parse, or an instruction is malformed")
public final class SyntaxError implements Rule {
  @Override
  public void check(RuleContext ctx) {
    for (SyntaxProblem p : ctx.file().problems()) {
      if (p.kind() != SyntaxProblem.Kind.EMPTY_CONTINUATION) {
        ctx.report(Finding.of(p.range(), p.message()));
      }
    }
  }
}
