package dev.dockerlint.rules.buildcontext;

import dev.dockerlint.context.ContextProblem;
import dev.dockerlint.imagefs.ImageFs;
import dev.dockerlint.imagefs.ImageFs.SourceIssue;
import dev.dockerlint.rules.RuleContext;
import java.util.List;
import java.util.Set;

/** The COPY and ADD sources of the file being linted that the build context cannot provide. */
final class SourceIssues {
  private SourceIssues() {}

  /** Issues of the given kinds, once per source word and message. */
  static List<SourceIssue> of(RuleContext ctx, Set<ContextProblem.Kind> kinds) {
    if (ctx.input().contextDir().isEmpty()) {
      return List.of();
    }
    return ImageFs.of(ctx.input()).sourceIssues().stream()
        .filter(i -> kinds.contains(i.problem().kind()))
        .distinct()
        .toList();
  }

  /** Where the instruction is, for messages: {@code COPY at line 3}. */
  static String where(SourceIssue i) {
    return i.instruction().keyword().text().toUpperCase(java.util.Locale.ROOT)
        + " at line "
        + (i.instruction().range().start().line() + 1);
  }
}
