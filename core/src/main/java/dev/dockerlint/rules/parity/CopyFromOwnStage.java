package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.CopyInstruction;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code COPY --from} that names the stage it is in: a stage cannot copy from itself, BuildKit
 * fails with a circular dependency.
 */
@RuleInfo(
    code = "DKL3023",
    name = "copy-from-own-stage",
    severity = Severity.ERROR,
    summary = "COPY --from names its own stage",
    aliases = {"DL3023"})
public final class CopyFromOwnStage implements Rule {
  @Override
  public void check(RuleContext ctx) {
    for (SemanticModel.StageReference r : ctx.model().stageReferences()) {
      if (!(r.instruction() instanceof CopyInstruction) || !r.flag().name().equals("from")) {
        continue;
      }
      Optional<Stage> self = ctx.model().stageOf(r.instruction());
      if (self.isEmpty()) {
        continue;
      }
      String v = r.value().toLowerCase(Locale.ROOT);
      boolean own =
          self.get().name().filter(v::equals).isPresent()
              || SemanticModel.stageIndex(v).equals(OptionalInt.of(self.get().index()));
      if (own) {
        ctx.report(
            Finding.of(
                r.flag().valueRange().orElse(r.flag().range()),
                "`COPY --from` cannot reference its own `FROM` alias: the build fails with a"
                    + " circular dependency"));
      }
    }
  }
}
