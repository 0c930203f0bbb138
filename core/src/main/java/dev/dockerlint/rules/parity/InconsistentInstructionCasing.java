package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Edit;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Fix;
import dev.dockerlint.rules.FixAvailability;
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
  @Override
  public void check(RuleContext ctx) {
    List<Keyword> keywords = new ArrayList<>();
    for (Stage s : ctx.model().stages()) {
      keywords.add(s.from().keyword());
      for (Instruction i : s.instructions()) {
        if (!(i instanceof UnknownInstruction)) {
          keywords.add(i.keyword());
        }
      }
    }
    int lower = 0;
    int upper = 0;
    for (Keyword k : keywords) {
      String t = k.text();
      if (sameIn(t, false)) {
        lower++;
      } else if (sameIn(t, true)) {
        upper++;
      }
    }
    boolean majorityLower = lower > upper;
    for (Keyword k : keywords) {
      String t = k.text();
      if (sameIn(t, !majorityLower)) {
        continue;
      }
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
