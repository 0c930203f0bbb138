package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Edit;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Fix;
import dev.dockerlint.rules.FixAvailability;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.syntax.EnvInstruction;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.KeyValue;
import dev.dockerlint.syntax.LabelInstruction;
import dev.dockerlint.syntax.Range;
import java.util.List;

/**
 * {@code ENV key value} and {@code LABEL key value}: the legacy form sets one key to the whole rest
 * of the line, spaces included, and reads differently from every other key=value instruction.
 *
 * @see <a
 *     href="https://docs.docker.com/reference/build-checks/legacy-key-value-format/">LegacyKeyValueFormat</a>
 */
@RuleInfo(
    code = "DKL5006",
    name = "legacy-key-value-format",
    severity = Severity.WARNING,
    summary = "ENV or LABEL in the legacy 'key value' form",
    aliases = {"LegacyKeyValueFormat"},
    fix = FixAvailability.SOMETIMES)
public final class LegacyKeyValueFormat implements Rule {
  @Override
  public void check(RuleContext ctx) {
    for (Instruction i : ctx.file().instructions()) {
      List<KeyValue> pairs;
      if (i instanceof EnvInstruction e) {
        pairs = e.pairs();
      } else if (i instanceof LabelInstruction l) {
        pairs = l.pairs();
      } else {
        continue;
      }
      for (KeyValue kv : pairs) {
        if (!kv.legacy()) {
          continue;
        }
        String name = i.keyword().text();
        Finding f =
            Finding.of(
                i.range(),
                "\""
                    + name
                    + " key=value\" should be used instead of legacy \""
                    + name
                    + " key value\" format");
        String value = ctx.file().source().slice(kv.value().range());
        String replacement = null;
        if (!value.isEmpty() && !value.matches("(?s).*[\\s\"'\\\\`].*")) {
          replacement = "=" + value;
        } else if (!value.isEmpty() && !value.matches("(?s).*[\"'\\\\`\\n].*")) {
          replacement = "=\"" + value + "\"";
        }
        if (replacement != null) {
          f =
              f.withFix(
                  Fix.safe(
                      "Write " + name + " key=value",
                      new Edit(
                          new Range(kv.key().range().end(), kv.value().range().end()),
                          replacement)));
        }
        ctx.report(f);
      }
    }
  }
}
