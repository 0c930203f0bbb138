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
 * A COPY or ADD source that {@code .dockerignore} excludes: the client never sends it, so the build
 * cannot find it ({@code "/x": not found}), although it is right there in the folder.
 *
 * @see <a href="https://docs.docker.com/build/concepts/context/#dockerignore-files">.dockerignore
 *     files</a>
 */
@RuleInfo(
    code = "DKL1402",
    name = "copy-source-ignored",
    severity = Severity.WARNING,
    summary = "COPY or ADD source is excluded by .dockerignore",
    aliases = {"CopyIgnoredFile"})
public final class CopySourceIgnored implements Rule {
  @Override
  public void check(RuleContext ctx) {
    for (SourceIssue i : SourceIssues.of(ctx, Set.of(ContextProblem.Kind.EXCLUDED))) {
      ctx.report(
          Finding.of(
              i.source().range(),
              "'"
                  + i.problem().path()
                  + "' is excluded by .dockerignore, so it is not sent with the build context: the "
                  + SourceIssues.where(i)
                  + " fails with \"/"
                  + i.problem().path()
                  + "\": not found; remove the pattern or add an exception ('!"
                  + i.problem().path()
                  + "') to .dockerignore"));
    }
  }
}
