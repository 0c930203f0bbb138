package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.ExposeInstruction;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.Word;
import java.util.regex.Pattern;

/** An EXPOSE port above 65535: BuildKit fails with "value out of range". */
@RuleInfo(
    code = "DKL3011",
    name = "port-out-of-range",
    severity = Severity.ERROR,
    summary = "EXPOSE port outside 0-65535",
    aliases = {"DL3011"})
public final class PortOutOfRange implements StageRule {
  private static final Pattern NUMBER = Pattern.compile("[0-9]{1,18}");

  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    for (Instruction i : stage.instructions()) {
      if (!(i instanceof ExposeInstruction e)) {
        continue;
      }
      for (Word w : e.ports()) {
        String v = w.value();
        if (v.contains("$")) {
          continue;
        }
        int slash = v.indexOf('/');
        String port = slash < 0 ? v : v.substring(0, slash);
        port = port.substring(port.lastIndexOf(':') + 1);
        for (String part : port.split("-", 2)) {
          if (NUMBER.matcher(part).matches() && Long.parseLong(part) > 65535) {
            ctx.report(Finding.of(w.range(), "Valid UNIX ports range from 0 to 65535"));
            break;
          }
        }
      }
    }
  }
}
