package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.semantic.Base;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.UserInstruction;
import java.util.List;
import java.util.Optional;

/**
 * The image the build produces runs as root because its last USER says so. Only the final stage's
 * effective user counts (its own last USER, or the one it inherits from the stage it is based on):
 * build stages may run as root, and a later USER in the final stage fixes an earlier one (hadolint
 * reports the last USER of every stage).
 */
@RuleInfo(
    code = "DKL3002",
    name = "root-user",
    severity = Severity.WARNING,
    summary = "The final image runs as root",
    aliases = {"DL3002"})
public final class RootUser implements Rule {
  @Override
  public void check(RuleContext ctx) {
    Optional<Stage> fin = ctx.model().finalStage();
    Stage s = fin.orElse(null);
    for (int guard = 0; s != null && guard < 1000; guard++) {
      List<Instruction> is = s.instructions();
      for (int k = is.size() - 1; k >= 0; k--) {
        if (is.get(k) instanceof UserInstruction u && u.value().isPresent()) {
          String user = fin.get().finalUser().orElse(u.value().get().value());
          if (isRoot(user)) {
            ctx.report(
                Finding.of(
                    u.value().get().range(),
                    "Last USER should not be root: the image's containers run as root"));
          }
          return;
        }
      }
      s = s.base() instanceof Base.StageBase b ? ctx.model().stages().get(b.stageIndex()) : null;
    }
  }

  static boolean isRoot(String user) {
    return user.equals("root")
        || user.equals("0")
        || user.startsWith("root:")
        || user.startsWith("0:");
  }
}
