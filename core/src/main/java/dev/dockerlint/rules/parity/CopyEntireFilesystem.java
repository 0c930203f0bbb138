package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.CopyInstruction;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.Word;
import java.util.regex.Pattern;

/**
 * {@code COPY --from=x / /} copies a whole image's filesystem over the stage's, including {@code
 * /proc}, {@code /sys} stubs, package databases and everything the other image happens to contain.
 */
@RuleInfo(
    code = "DKL3067",
    name = "copy-entire-filesystem",
    severity = Severity.INFO,
    summary = "COPY --from copies a whole filesystem to /",
    aliases = {"DL3067"})
public final class CopyEntireFilesystem implements StageRule {
  private static final Pattern OUTER_QUOTES = Pattern.compile("^[\"']+|[\"']+$");

  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    for (Instruction i : stage.instructions()) {
      if (i instanceof CopyInstruction c
          && c.flag("from").isPresent()
          && c.destination().map(w -> unquote(w).equals("/")).orElse(false)
          && c.sources().stream().anyMatch(w -> unquote(w).equals("/"))) {
        ctx.report(Finding.of(c.range(), "Do not copy an entire filesystem from another stage"));
      }
    }
  }

  private static String unquote(Word w) {
    return OUTER_QUOTES.matcher(w.value()).replaceAll("");
  }
}
