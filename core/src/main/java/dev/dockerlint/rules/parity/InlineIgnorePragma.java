package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.syntax.Comment;
import java.util.regex.Pattern;

/**
 * Off by default: inline {@code # hadolint ignore=} and {@code # dockerlint ignore=} comments, for
 * teams that want every exception in the configuration file, where it is reviewed in one place.
 */
@RuleInfo(
    code = "DKL0012",
    name = "inline-ignore-pragma",
    severity = Severity.INFO,
    summary = "Inline ignore comment",
    aliases = {"DL1001"},
    enabledByDefault = false)
public final class InlineIgnorePragma implements Rule {
  private static final Pattern PRAGMA =
      Pattern.compile(
          "^(hadolint|dockerlint)\\s+(?:(global|stage)\\s+)?ignore\\s*=.*",
          Pattern.CASE_INSENSITIVE);

  @Override
  public void check(RuleContext ctx) {
    for (Comment c : ctx.file().comments()) {
      if (PRAGMA.matcher(c.text()).matches()) {
        ctx.report(
            Finding.of(
                c.range(),
                "Please refrain from using inline ignore pragmas `# hadolint ignore=DLxxxx`."));
      }
    }
  }
}
