package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Applicability;
import dev.dockerlint.rules.Edit;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Fix;
import dev.dockerlint.rules.FixAvailability;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Stage names are case-insensitive: BuildKit lowercases them. A mixed-case name reads as if case
 * mattered ({@code FROM base AS Builder} and {@code COPY --from=builder} are the same stage), and
 * {@code FROM Builder} does not find it at all (BuildKit looks the image name up as written).
 *
 * @see <a
 *     href="https://docs.docker.com/reference/build-checks/stage-name-casing/">StageNameCasing</a>
 */
@RuleInfo(
    code = "DKL5001",
    name = "stage-name-casing",
    severity = Severity.WARNING,
    summary = "Stage name is not lowercase",
    aliases = {"StageNameCasing"},
    fix = FixAvailability.ALWAYS)
public final class StageNameCasing implements Rule {
  @Override
  public void check(RuleContext ctx) {
    List<Stage> stages = ctx.model().stages();
    for (Stage s : stages) {
      if (s.nameWord().isEmpty() || s.from().words().size() != 3) {
        continue;
      }
      Word name = s.nameWord().get();
      String lower = name.value().toLowerCase(Locale.ROOT);
      if (name.value().equals(lower)) {
        continue;
      }
      List<Edit> edits = new ArrayList<>();
      edits.add(new Edit(name.range(), lower));
      for (Stage later : stages.subList(s.index() + 1, stages.size())) {
        later
            .from()
            .image()
            .filter(w -> w.value().equalsIgnoreCase(name.value()))
            .ifPresent(w -> edits.add(new Edit(w.range(), lower)));
      }
      ctx.report(
          Finding.of(name.range(), "Stage name '" + name.value() + "' should be lowercase")
              .withFix(
                  new Fix(
                      "Lowercase the stage name and the FROM lines based on it",
                      edits,
                      Applicability.SAFE)));
    }
  }
}
