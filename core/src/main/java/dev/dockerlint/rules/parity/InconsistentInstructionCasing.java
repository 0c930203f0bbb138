package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Edit;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Fix;
import dev.dockerlint.rules.FixAvailability;
import dev.dockerlint.rules.LintMemo;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.Keyword;
import dev.dockerlint.syntax.UnknownInstruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Instruction keywords in mixed case ({@code From}) or in the case of the minority: BuildKit counts
 * the all-lowercase and all-uppercase keywords of the stages (not the ARGs before the first FROM)
 * and wants the majority's case everywhere, uppercase on a tie.
 *
 * @see <a
 *     href="https://docs.docker.com/reference/build-checks/consistent-instruction-casing/">ConsistentInstructionCasing</a>
 */
@RuleInfo(
    code = "DKL5003",
    name = "inconsistent-instruction-casing",
    severity = Severity.WARNING,
    summary = "Instruction keyword not in the file's majority case",
    aliases = {"ConsistentInstructionCasing"},
    fix = FixAvailability.ALWAYS)
public final class InconsistentInstructionCasing implements Rule {

  /**
   * The keywords of one stage, its FROM first, by case: how many are wholly in lower and in upper
   * case, and those that are not, which are reported when the other case is the majority. Kept for
   * the next lint under the Stage object, whose instructions an edit elsewhere does not change.
   */
  private record Casing(int lower, int upper, List<Keyword> notLower, List<Keyword> notUpper) {}

  @Override
  public void check(RuleContext ctx) {
    List<Casing> stages = new ArrayList<>();
    int lower = 0;
    int upper = 0;
    for (Stage s : ctx.model().stages()) {
      Casing c =
          ctx.input().memo().get(LintMemo.keyOf(Casing.class, s), Casing.class, () -> casing(s));
      stages.add(c);
      lower += c.lower();
      upper += c.upper();
    }
    boolean majorityLower = lower > upper;
    for (Casing c : stages) {
      for (Keyword k : majorityLower ? c.notLower() : c.notUpper()) {
        String t = k.text();
        String want = majorityLower ? t.toLowerCase(Locale.ROOT) : t.toUpperCase(Locale.ROOT);
        if (!t.equals(want)) {
          ctx.report(
              Finding.of(
                      k.range(),
                      "Command '"
                          + t
                          + "' should match the case of the command majority ("
                          + (majorityLower ? "lowercase" : "uppercase")
                          + ")")
                  .withFix(Fix.safe("Write '" + want + "'", new Edit(k.range(), want))));
        }
      }
    }
  }

  private static Casing casing(Stage s) {
    List<Keyword> keywords = new ArrayList<>();
    keywords.add(s.from().keyword());
    for (Instruction i : s.instructions()) {
      if (!(i instanceof UnknownInstruction)) {
        keywords.add(i.keyword());
      }
    }
    int lower = 0;
    int upper = 0;
    List<Keyword> notLower = new ArrayList<>();
    List<Keyword> notUpper = new ArrayList<>();
    for (Keyword k : keywords) {
      boolean isLower = sameIn(k.text(), false);
      boolean isUpper = sameIn(k.text(), true);
      if (isLower) {
        lower++;
      } else if (isUpper) {
        upper++;
      }
      if (!isLower) {
        notLower.add(k);
      }
      if (!isUpper) {
        notUpper.add(k);
      }
    }
    return new Casing(lower, upper, List.copyOf(notLower), List.copyOf(notUpper));
  }

  /**
   * Whether {@code t} equals itself in upper (or lower) case, like {@code
   * t.equals(t.toUpperCase(Locale.ROOT))}, without making the converted copy when {@code t} is
   * ASCII (every keyword, in practice).
   */
  private static boolean sameIn(String t, boolean upperCase) {
    for (int k = 0; k < t.length(); k++) {
      char c = t.charAt(k);
      if (c >= 0x80) {
        return t.equals(upperCase ? t.toUpperCase(Locale.ROOT) : t.toLowerCase(Locale.ROOT));
      }
      if (upperCase ? c >= 'a' && c <= 'z' : c >= 'A' && c <= 'Z') {
        return false;
      }
    }
    return true;
  }
}
