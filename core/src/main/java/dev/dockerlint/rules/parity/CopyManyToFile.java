package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Edit;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Fix;
import dev.dockerlint.rules.FixAvailability;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.AddInstruction;
import dev.dockerlint.syntax.CopyInstruction;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.Range;
import dev.dockerlint.syntax.Word;
import java.util.List;
import java.util.Optional;

/**
 * COPY or ADD with several sources and a destination that does not end in {@code /}: BuildKit fails
 * ("the destination must be a directory and end with a /").
 */
@RuleInfo(
    code = "DKL3021",
    name = "copy-many-to-file",
    severity = Severity.WARNING,
    summary = "COPY of several sources to a destination without a trailing slash",
    aliases = {"DL3021"},
    fix = FixAvailability.SOMETIMES)
public final class CopyManyToFile implements StageRule {
  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    for (Instruction i : stage.instructions()) {
      List<Word> sources;
      Optional<Word> dest;
      boolean json;
      if (i instanceof CopyInstruction c) {
        sources = c.sources();
        dest = c.destination();
        json = c.execForm();
      } else if (i instanceof AddInstruction a) {
        sources = a.sources();
        dest = a.destination();
        json = a.execForm();
      } else {
        continue;
      }
      if (sources.size() < 2 || dest.isEmpty()) {
        continue;
      }
      String d = dest.get().value().replaceAll("^[\"']+|[\"']+$", "");
      if (d.contains("$")) {
        String expanded = ctx.model().expand(d, ctx.model().scopeBefore(i)).orElse(d);
        d = expanded;
      }
      if (d.endsWith("/") || d.endsWith("\\")) {
        continue;
      }
      Finding f =
          Finding.of(
              dest.get().range(),
              i.keyword().canonical()
                  + " with more than 2 arguments requires the last argument to end with /");
      if (!json && !dest.get().value().endsWith("\"") && !dest.get().value().endsWith("'")) {
        f =
            f.withFix(
                Fix.safe(
                    "Add a trailing slash", new Edit(Range.at(dest.get().range().end()), "/")));
      }
      ctx.report(f);
    }
  }
}
