package dev.dockerlint.rules.parity;

import dev.dockerlint.grammar.shell.ShellLex;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.semantic.Scope;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.KeyValue;
import dev.dockerlint.syntax.LabelInstruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The labels of a file, keys and values with quotes removed and variables expanded. */
final class Labels {
  private Labels() {}

  /**
   * A label; {@code value} is empty when it uses a variable that has no value here (not judged).
   */
  record Label(
      Stage stage,
      LabelInstruction instruction,
      KeyValue pair,
      String key,
      Optional<String> value) {}

  /** The labels of the file: read once per lint, since ten rules ask. */
  static List<Label> of(RuleContext ctx) {
    return ctx.input().shared(All.class, () -> new All(read(ctx))).labels();
  }

  /** Every label of one lint's file, as shared between the rules of that lint. */
  private record All(List<Label> labels) {}

  private static List<Label> read(RuleContext ctx) {
    List<Label> out = new ArrayList<>();
    for (Stage s : ctx.model().stages()) {
      out.addAll(of(ctx, s));
    }
    return List.copyOf(out);
  }

  /** The labels of stage {@code s}. */
  static List<Label> of(RuleContext ctx, Stage s) {
    List<Label> out = new ArrayList<>();
    for (Instruction i : s.instructions()) {
      if (!(i instanceof LabelInstruction l)) {
        continue;
      }
      Scope scope = s.scopeBefore(i);
      for (KeyValue kv : l.pairs()) {
        String key = ctx.model().expand(kv.key().value(), scope).orElse(kv.key().value());
        Optional<ShellLex.Result> r = ctx.model().expandWithMatches(kv.value().value(), scope);
        Optional<String> value =
            r.filter(x -> x.unmatched().isEmpty()).map(ShellLex.Result::result);
        out.add(new Label(s, l, kv, key, value));
      }
    }
    return out;
  }

  /** The labels of the schema with the given type, checking each value with {@code valid}. */
  static void checkType(
      RuleContext ctx, String type, java.util.function.Predicate<String> valid, String message) {
    if (ctx.config().labelSchema().isEmpty()) {
      return; // no label has a type
    }
    for (Label l : of(ctx)) {
      if (!type.equals(ctx.config().labelSchema().get(l.key())) || l.value().isEmpty()) {
        continue;
      }
      if (!valid.test(l.value().get())) {
        ctx.report(
            dev.dockerlint.rules.Finding.of(
                l.pair().value().range(), "Label `" + l.key() + "` " + message));
      }
    }
  }
}
