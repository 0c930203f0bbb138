package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;
import java.util.regex.Pattern;

/**
 * A label key outside Docker's recommended format: lowercase letters, digits, {@code .}, {@code -},
 * {@code _} and {@code /}, starting with a letter and ending with a letter or digit, no repeated
 * separators, and not in the namespaces Docker reserves ({@code com.docker.}, {@code io.docker.},
 * {@code org.dockerproject.}).
 *
 * @see <a
 *     href="https://docs.docker.com/config/labels-custom-metadata/#key-format-recommendations">Label
 *     keys</a>
 */
@RuleInfo(
    code = "DKL3048",
    name = "invalid-label-key",
    severity = Severity.STYLE,
    summary = "Label key not in the recommended format",
    aliases = {"DL3048"})
public final class InvalidLabelKey implements StageRule {
  private static final Pattern LAST = Pattern.compile("[a-z0-9]");
  private static final Pattern KEY = Pattern.compile("[0-9a-z._/-]*");

  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    for (Labels.Label l : Labels.of(ctx, stage)) {
      String k = l.key();
      boolean bad =
          k.isEmpty()
              || !(k.charAt(0) >= 'a' && k.charAt(0) <= 'z')
              || !LAST.matcher(k.substring(k.length() - 1)).matches()
              || !KEY.matcher(k).matches()
              || k.startsWith("com.docker.")
              || k.startsWith("io.docker.")
              || k.startsWith("org.dockerproject.")
              || k.contains("..")
              || k.contains("--");
      if (bad) {
        ctx.report(Finding.of(l.pair().key().range(), "Invalid label key: '" + k + "'"));
      }
    }
  }
}
