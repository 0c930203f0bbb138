package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.semantic.Base;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.semantic.Stage;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * With a {@code label-schema} configured, every stage must set every label of the schema (itself or
 * through the stage it is based on). Stages that are only copied from ({@code COPY --from}) make no
 * image and are not checked.
 */
@RuleInfo(
    code = "DKL3049",
    name = "missing-label",
    severity = Severity.INFO,
    summary = "A label of the label schema is missing",
    aliases = {"DL3049"})
public final class MissingLabel implements Rule {
  @Override
  public void check(RuleContext ctx) {
    Set<String> schema = ctx.config().labelSchema().keySet();
    if (schema.isEmpty()) {
      return;
    }
    Map<Integer, Set<String>> labels = new HashMap<>();
    for (Labels.Label l : Labels.of(ctx)) {
      labels.computeIfAbsent(l.stage().index(), k -> new HashSet<>()).add(l.key());
    }
    Set<Integer> copiedFrom = new HashSet<>();
    for (SemanticModel.StageReference r : ctx.model().stageReferences()) {
      r.stage().ifPresent(s -> copiedFrom.add(s.index()));
    }
    BitSet based = AptListsNotDeleted.imageStages(ctx.model());
    for (Stage s : ctx.model().stages()) {
      if (copiedFrom.contains(s.index()) && !based.get(s.index())) {
        continue;
      }
      Set<String> have = new HashSet<>();
      Stage at = s;
      for (int guard = 0; at != null && guard < 1000; guard++) {
        have.addAll(labels.getOrDefault(at.index(), Set.of()));
        at =
            at.base() instanceof Base.StageBase b ? ctx.model().stages().get(b.stageIndex()) : null;
      }
      for (String label : schema) {
        if (!have.contains(label)) {
          ctx.report(Finding.of(s.from().keyword().range(), "Label `" + label + "` is missing."));
        }
      }
    }
  }
}
