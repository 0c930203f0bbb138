package dev.dockerlint.rules.buildcontext;

import dev.dockerlint.context.ContextProblem;
import dev.dockerlint.imagefs.ImageFs.SourceIssue;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import java.util.Set;

/**
 * A COPY or ADD source that does not exist in the build context. BuildKit fails the build with
 * {@code "/x": not found}. A warning, not an error: the context dockerlint was given (the
 * Dockerfile's folder unless {@code --context} says otherwise) may not be the one the build uses.
 *
 * @see <a href="https://docs.docker.com/build/concepts/context/">Build context</a>
 */
@RuleInfo(
    code = "DKL1400",
    name = "copy-source-not-found",
    severity = Severity.WARNING,
    summary = "COPY or ADD source is not in the build context")
public final class CopySourceNotFound implements Rule {
  @Override
  public void check(RuleContext ctx) {
    for (SourceIssue i : SourceIssues.of(ctx, Set.of(ContextProblem.Kind.NOT_FOUND))) {
      ctx.report(
          Finding.of(
              i.source().range(),
              "'"
                  + i.problem().path()
                  + "' is not in the build context: the "
                  + SourceIssues.where(i)
                  + " fails with \"/"
                  + i.problem().path()
                  + "\": not found; correct the path, or pass the right --context (now "
                  + ctx.input().contextDir().orElseThrow()
                  + ")"));
    }
  }
}
