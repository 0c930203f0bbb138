package dev.dockerlint.config;

import dev.dockerlint.rules.BuildkitChecks;
import java.util.regex.Pattern;

/**
 * Rule ids of other Dockerfile linters that are valid even where dockerlint has no rule for them:
 * hadolint's {@code DLxxxx} and ShellCheck's {@code SCxxxx} codes, and BuildKit's check names.
 * Suppressions and configuration files that name them are not reported as unknown.
 */
public final class ForeignRuleIds {
  private ForeignRuleIds() {}

  private static final Pattern HADOLINT = Pattern.compile("(?i)(DL|SC)[0-9]{4}");

  public static boolean isKnown(String id) {
    String s = id.trim();
    return HADOLINT.matcher(s).matches() || BuildkitChecks.canonical(s).isPresent();
  }
}
