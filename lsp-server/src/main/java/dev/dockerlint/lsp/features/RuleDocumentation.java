package dev.dockerlint.lsp.features;

import dev.dockerlint.rules.Predicts;
import dev.dockerlint.rules.RuleDocs;
import dev.dockerlint.rules.RuleMeta;
import java.util.Locale;

/**
 * A rule's whole documentation page as Markdown, for the {@code dockerlint.explain} command: the
 * page bundled with the rule, then its severity, fixability, aliases, predicted runtime errors and
 * web address. Editors show it offline.
 */
public final class RuleDocumentation {
  private RuleDocumentation() {}

  /** The page of {@code rule}. */
  public static String markdown(RuleMeta rule) {
    StringBuilder sb =
        new StringBuilder(
            RuleDocs.markdown(rule)
                .orElse("# " + rule.code() + " " + rule.name() + "\n\n" + rule.summary() + ".\n")
                .strip());
    sb.append("\n\n| | |\n|---|---|\n");
    sb.append("| Severity | ").append(rule.severity().id()).append(" |\n");
    sb.append("| Fixable | ").append(rule.fix().name().toLowerCase(Locale.ROOT)).append(" |\n");
    if (!rule.aliases().isEmpty()) {
      sb.append("| Aliases | ").append(String.join(", ", rule.aliases())).append(" |\n");
    }
    if (!rule.predicts().isEmpty()) {
      sb.append("| Predicts | ")
          .append(String.join(", ", rule.predicts().stream().map(Predicts::text).toList()))
          .append(" |\n");
    }
    sb.append("| Online | <").append(rule.docUrl()).append("> |\n");
    return sb.toString();
  }
}
