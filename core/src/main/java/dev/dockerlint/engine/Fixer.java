package dev.dockerlint.engine;

import dev.dockerlint.rules.Applicability;
import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.Edit;
import dev.dockerlint.rules.Fix;
import dev.dockerlint.syntax.Position;
import dev.dockerlint.syntax.SourceText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Applies fixes until none is left: lint, take the first allowed fix of each diagnostic whose edits
 * overlap no fix already taken, apply them together, lint again. A fix that conflicts with another
 * waits for the next pass, so the result is what applying the fixes one by one would give. Stops
 * after {@link #MAX_PASSES} passes, or when a pass changes nothing.
 */
public final class Fixer {
  static final int MAX_PASSES = 10;

  private Fixer() {}

  /** The fixed text, how many fixes were applied, and the report on the fixed text. */
  public record Result(String text, int applied, Report report) {
    public boolean changed(String original) {
      return !text.equals(original);
    }
  }

  /** {@code --fix}: SAFE fixes only; {@code --unsafe-fixes}: SAFE and UNSAFE. */
  public static Set<Applicability> allowed(boolean unsafe) {
    return unsafe ? Set.of(Applicability.SAFE, Applicability.UNSAFE) : Set.of(Applicability.SAFE);
  }

  public static Result fixAll(
      String text, Function<String, Report> lint, Set<Applicability> allowed) {
    String current = text;
    int applied = 0;
    Report report = lint.apply(current);
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      List<Fix> chosen = choose(report.diagnostics(), allowed);
      if (chosen.isEmpty()) {
        break;
      }
      String next = apply(new SourceText(current), chosen);
      if (next.equals(current)) {
        break;
      }
      applied += chosen.size();
      current = next;
      report = lint.apply(current);
    }
    return new Result(current, applied, report);
  }

  private static List<Fix> choose(List<Diagnostic> diagnostics, Set<Applicability> allowed) {
    List<Fix> chosen = new ArrayList<>();
    List<Edit> taken = new ArrayList<>();
    for (Diagnostic d : diagnostics) {
      for (Fix f : d.fixes()) {
        if (!allowed.contains(f.applicability())) {
          continue;
        }
        if (f.edits().stream().noneMatch(e -> taken.stream().anyMatch(t -> overlap(e, t)))) {
          chosen.add(f);
          taken.addAll(f.edits());
        }
        break;
      }
    }
    return chosen;
  }

  private static boolean overlap(Edit a, Edit b) {
    Position as = a.range().start();
    Position ae = a.range().end();
    Position bs = b.range().start();
    Position be = b.range().end();
    return (as.compareTo(be) < 0 && bs.compareTo(ae) < 0) || as.equals(bs);
  }

  /** {@code source} with the fixes applied; their ranges are in {@code source}. */
  private static String apply(SourceText source, List<Fix> fixes) {
    List<Edit> edits = new ArrayList<>();
    fixes.forEach(f -> edits.addAll(f.edits()));
    edits.sort(Comparator.comparing(e -> e.range().start()));
    return Edit.apply(source, edits);
  }
}
