package dev.dockerlint.rules.buildcontext;

import dev.dockerlint.context.ContextProblem;
import dev.dockerlint.context.ContextProblem.Kind;
import dev.dockerlint.imagefs.ImageFs.SourceIssue;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import java.util.Set;

/**
 * A COPY or ADD source that exists in the build context but cannot be copied: symlinks that loop, a
 * file or directory the build cannot read, a wildcard below a file. The build fails. When
 * dockerlint itself stops reading a very large source (its entry and depth limits), that is said at
 * info level, since the files beyond were not checked.
 */
@RuleInfo(
    code = "DKL1401",
    name = "unreadable-context-source",
    severity = Severity.WARNING,
    summary = "COPY or ADD source cannot be read from the build context")
public final class UnreadableContextSource implements Rule {
  private static final Set<Kind> FAILS =
      Set.of(Kind.SYMLINK_LOOP, Kind.UNREADABLE, Kind.NOT_A_DIRECTORY);
  private static final Set<Kind> LIMITS = Set.of(Kind.TOO_MANY_ENTRIES, Kind.TOO_DEEP);

  @Override
  public void check(RuleContext ctx) {
    Set<Kind> all = new java.util.HashSet<>(FAILS);
    all.addAll(LIMITS);
    for (SourceIssue i : SourceIssues.of(ctx, all)) {
      ContextProblem p = i.problem();
      if (LIMITS.contains(p.kind())) {
        ctx.report(
            Finding.of(
                    i.source().range(),
                    "dockerlint stopped reading this source ("
                        + p.message()
                        + "): files beyond that were not checked")
                .withSeverity(Severity.INFO));
      } else {
        ctx.report(
            Finding.of(
                i.source().range(), p.message() + ": the " + SourceIssues.where(i) + " fails"));
      }
    }
  }
}
