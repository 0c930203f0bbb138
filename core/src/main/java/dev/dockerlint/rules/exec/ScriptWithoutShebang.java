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
import java.util.Optional;

/**
 * A text file (or an empty one) started as a program without a {@code #!} line the kernel accepts.
 * A shell would fall back to reading it as a script, but {@code execve} does not: the container or
 * RUN fails with "exec format error".
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/#entrypoint">ENTRYPOINT</a>
 */
@RuleInfo(
    code = "DKL1301",
    name = "script-without-shebang",
    severity = Severity.ERROR,
    summary = "Executed script has no #! line",
    fix = FixAvailability.SOMETIMES,
    predicts = Predicts.EXEC_FORMAT_ERROR)
public final class ScriptWithoutShebang implements Rule {
  @Override
  public void check(RuleContext ctx) {
    for (ExecProblem p : ExecFindings.of(ctx, ExecProblem.Kind.NO_SHEBANG)) {
      Finding f = ExecFindings.finding(p);
      Optional<Heredoc> heredoc = p.node().flatMap(n -> n.origin().heredoc());
      if (heredoc.isPresent() && !heredoc.get().content().startsWith("#!")) {
        Range at = Range.at(heredoc.get().bodyRange().start());
        f =
            f.withFix(
                Fix.unsafe("Start the heredoc with '#!/bin/sh'", new Edit(at, "#!/bin/sh\n")));
      }
      ctx.report(f);
    }
  }
}
