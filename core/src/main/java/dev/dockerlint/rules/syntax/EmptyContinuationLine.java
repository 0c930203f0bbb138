package dev.dockerlint.rules.syntax;

import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.syntax.SyntaxProblem;

/**
 * A blank line inside a line continuation. BuildKit skips it with a warning today and announces
 * that it will become an error; it also often hides a forgotten backslash.
 */
@RuleInfo(
    code = "DKL0003",
    name = "empty-continuation-line",
    severity = Severity.WARNING,
    summary = "Blank line inside a line continuation",
    aliases = {"NoEmptyContinuation"})
public final class EmptyContinuationLine implements Rule {
  @Override
  public void check(RuleContext ctx) {
    for (SyntaxProblem p : ctx.file().problems()) {
      if (p.kind() == SyntaxProblem.Kind.EMPTY_CONTINUATION) {
        ctx.report(p.range(), "Empty continuation line");
      }
    }
  }
}
