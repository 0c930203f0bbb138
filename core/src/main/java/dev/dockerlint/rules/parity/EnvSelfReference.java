package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.EnvInstruction;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.KeyValue;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An ENV that uses a variable it defines itself ({@code ENV A=1 B=$A}): every value is expanded
 * with the environment from before the instruction, so {@code B} does not get the new {@code A}. A
 * key that uses its own old value ({@code ENV PATH=/x:$PATH}) is fine.
 */
@RuleInfo(
    code = "DKL3044",
    name = "env-self-reference",
    severity = Severity.WARNING,
    summary = "ENV uses a variable it defines in the same instruction",
    aliases = {"DL3044"})
public final class EnvSelfReference implements StageRule {
  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    for (Instruction i : stage.instructions()) {
      if (!(i instanceof EnvInstruction e) || e.pairs().size() < 2) {
        continue;
      }
      List<KeyValue> pairs = e.pairs();
      for (int k = 0; k < pairs.size(); k++) {
        String name = pairs.get(k).key().value();
        if (ctx.model().scopeBefore(i).variable(name).isPresent()) {
          continue;
        }
        Pattern ref = null;
        for (int j = 0; j < pairs.size(); j++) {
          String value = pairs.get(j).value().value();
          if (j == k || value.indexOf('$') < 0 || !value.contains(name)) {
            continue; // cannot refer to it: compiling the pattern is most of the rule's cost
          }
          if (ref == null) {
            ref = reference(name);
          }
          if (ref.matcher(value).find()) {
            ctx.report(
                Finding.of(
                    pairs.get(j).value().range(),
                    "Do not refer to an environment variable within the same `ENV` statement"
                        + " where it is defined: $"
                        + name
                        + " here is its value from before this ENV"));
            break;
          }
        }
      }
    }
  }

  /** {@code $name} or {@code ${name...}}, not the start of a longer name. */
  private static Pattern reference(String name) {
    return Pattern.compile(
        "\\$(\\{" + Pattern.quote(name) + "[}:+?-]|" + Pattern.quote(name) + "(?![A-Za-z0-9_]))");
  }
}
