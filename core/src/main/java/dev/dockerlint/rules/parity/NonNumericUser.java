package dev.dockerlint.rules.parity;

import dev.dockerlint.grammar.shell.ShellLex;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.UserInstruction;
import java.util.Optional;

/**
 * USER by name: the name is resolved in the image's {@code /etc/passwd}, which the host and
 * orchestrators cannot see (Kubernetes' {@code runAsNonRoot} cannot tell that {@code app} is not
 * root). A numeric UID is unambiguous. A USER from a variable without a value here is not judged.
 */
@RuleInfo(
    code = "DKL3066",
    name = "non-numeric-user",
    severity = Severity.INFO,
    summary = "USER by name instead of numeric ID",
    aliases = {"DL3066"})
public final class NonNumericUser implements StageRule {
  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    for (Instruction i : stage.instructions()) {
      if (!(i instanceof UserInstruction u) || u.value().isEmpty()) {
        continue;
      }
      Optional<ShellLex.Result> r =
          ctx.model().expandWithMatches(u.value().get().value(), ctx.model().scopeBefore(i));
      if (r.isEmpty() || !r.get().unmatched().isEmpty()) {
        continue;
      }
      String uid = r.get().result();
      int colon = uid.indexOf(':');
      uid = colon < 0 ? uid : uid.substring(0, colon);
      if (!uid.matches("[0-9]+")) {
        ctx.report(
            Finding.of(
                u.value().get().range(),
                "Non-numeric user-id may not be resolvable by host system"));
      }
    }
  }
}
