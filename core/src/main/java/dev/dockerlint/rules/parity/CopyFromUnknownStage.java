package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.CopyInstruction;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code COPY --from=name} where no earlier stage is called {@code name}: BuildKit then pulls an
 * image of that name, which for a misspelt or later stage is not what was meant. Values that are
 * clearly image references (with a registry, tag or digest) are images on purpose.
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/#copy---from">COPY --from</a>
 */
@RuleInfo(
    code = "DKL3022",
    name = "copy-from-unknown-stage",
    severity = Severity.WARNING,
    summary = "COPY --from names no earlier stage",
    aliases = {"DL3022"})
public final class CopyFromUnknownStage implements Rule {
  @Override
  public void check(RuleContext ctx) {
    SemanticModel model = ctx.model();
    for (SemanticModel.StageReference r : model.stageReferences()) {
      if (!(r.instruction() instanceof CopyInstruction) || !r.flag().name().equals("from")) {
        continue;
      }
      String v = r.value();
      if (r.stage().isPresent()
          || v.contains(":")
          || v.contains("/")
          || v.contains("@")
          || r.flag().valueOrEmpty().contains("$")
          || v.isEmpty()) {
        continue;
      }
      Optional<Stage> self = model.stageOf(r.instruction());
      if (self.isPresent()
          && self.get().name().filter(v.toLowerCase(java.util.Locale.ROOT)::equals).isPresent()) {
        continue; // its own stage: copy-from-own-stage
      }
      if (self.isPresent()
          && SemanticModel.stageIndex(v).equals(OptionalInt.of(self.get().index()))) {
        continue;
      }
      Optional<Stage> later = model.stageNamed(v);
      String why =
          later.isPresent()
              ? "stage '" + v + "' is defined later; a stage must come before it is copied from"
              : "no stage is named '" + v + "', so BuildKit pulls an image of that name";
      ctx.report(
          Finding.of(
              r.flag().valueRange().orElse(r.flag().range()),
              "`COPY --from` should reference a previously defined `FROM` alias: " + why));
    }
  }
}
