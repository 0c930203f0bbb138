package dev.dockerlint.rules.exec;

import dev.dockerlint.imagefs.ExecProblem;
import dev.dockerlint.rules.Edit;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Fix;
import dev.dockerlint.rules.FixAvailability;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.syntax.Heredoc;
import dev.dockerlint.syntax.Range;
import dev.dockerlint.syntax.SourceText;
import java.util.Optional;

/**
 * A script started as a program whose {@code #!} line comes after a UTF-8 byte order mark (as
 * Windows editors write). The kernel only recognises {@code #!} at byte 0, so it refuses the file:
 * "exec format error".
 */
@RuleInfo(
    code = "DKL1302",
    name = "bom-before-shebang",
    severity = Severity.ERROR,
    summary = "Executed script has a byte order mark before #!",
    fix = FixAvailability.SOMETIMES,
    predicts = Predicts.EXEC_FORMAT_ERROR)
public final class BomBeforeShebang implements Rule {
  @Override
  public void check(RuleContext ctx) {
    for (ExecProblem p : ExecFindings.of(ctx, ExecProblem.Kind.BOM_BEFORE_SHEBANG)) {
      Finding f = ExecFindings.finding(p);
      Optional<Heredoc> heredoc = p.node().flatMap(n -> n.origin().heredoc());
      if (heredoc.isPresent() && heredoc.get().content().startsWith("\uFEFF")) {
        SourceText source = ctx.file().source();
        int at = source.startOffset(heredoc.get().bodyRange());
        Range bom = source.range(at, at + 1);
        f = f.withFix(Fix.safe("Remove the byte order mark", new Edit(bom, "")));
      }
      ctx.report(f);
    }
  }
}
