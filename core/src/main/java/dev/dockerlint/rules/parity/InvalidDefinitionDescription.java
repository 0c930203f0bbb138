package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.syntax.ArgDeclaration;
import dev.dockerlint.syntax.ArgInstruction;
import dev.dockerlint.syntax.Comment;
import dev.dockerlint.syntax.FromInstruction;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.PrevComments;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Experimental in BuildKit, off by default here: the comment right above a named FROM or an ARG is
 * its description (shown by {@code docker buildx build --call=outline}) and should start with the
 * stage or argument name ({@code # version the release to build}). Turned on by {@code #
 * check=experimental=InvalidDefinitionDescription} (or {@code all}) or by the configuration.
 *
 * @see <a
 *     href="https://docs.docker.com/reference/build-checks/invalid-definition-description/">InvalidDefinitionDescription</a>
 */
@RuleInfo(
    code = "DKL5010",
    name = "invalid-definition-description",
    severity = Severity.INFO,
    summary = "Comment above FROM or ARG does not start with its name",
    aliases = {"InvalidDefinitionDescription"},
    enabledByDefault = false)
public final class InvalidDefinitionDescription implements Rule {
  @Override
  public void check(RuleContext ctx) {
    Map<Instruction, List<Comment>> above = PrevComments.of(ctx.file());
    for (Instruction i : ctx.file().instructions()) {
      List<String> keys = new ArrayList<>();
      String kind;
      if (i instanceof FromInstruction f && f.stageName().isPresent()) {
        keys.add(f.stageName().get().value().toLowerCase(Locale.ROOT));
        kind = "FROM";
      } else if (i instanceof ArgInstruction a && !a.declarations().isEmpty()) {
        for (ArgDeclaration d : a.declarations()) {
          keys.add(d.name());
        }
        kind = "ARG";
      } else {
        continue;
      }
      List<Comment> comments = above.getOrDefault(i, List.of());
      if (comments.isEmpty()) {
        continue;
      }
      String last = comments.get(comments.size() - 1).text();
      String first = last.split(" ", -1)[0];
      if (keys.contains(first)) {
        continue;
      }
      String example = keys.size() > 1 ? "<arg_key>" : keys.get(0);
      ctx.report(
          Finding.of(
              i.keyword().range(),
              "Comment for "
                  + kind
                  + " should follow the format: `# "
                  + example
                  + " <description>`"));
    }
  }
}
