package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.ShellWord;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code useradd} with a large UID and without {@code -l}/{@code --no-log-init}: useradd writes the
 * user's entry into the sparse files {@code /var/log/lastlog} and {@code faillog} at an offset
 * proportional to the UID, which in an image layer becomes gigabytes of zeros.
 */
@RuleInfo(
    code = "DKL3046",
    name = "useradd-high-uid-without-l",
    severity = Severity.WARNING,
    summary = "useradd with a high UID and without -l",
    aliases = {"DL3046"})
public final class UseraddHighUid implements StageRule {
  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    for (Runs.Cmd c : Runs.commands(ctx, stage)) {
      ShellCommand cmd = c.command();
      if (!cmd.name().equals("useradd") || cmd.hasAnyFlag("l", "no-log-init")) {
        continue;
      }
      List<String> uids = new ArrayList<>(cmd.flagValues("u"));
      uids.addAll(cmd.flagValues("uid"));
      for (ShellWord w : cmd.arguments()) {
        if (w.value().startsWith("--uid=")) {
          uids.add(w.value().substring("--uid=".length()));
        }
      }
      if (uids.stream().anyMatch(u -> u.length() > 5)) {
        ctx.report(
            Finding.of(
                c.range(),
                "`useradd` without flag `-l` and high UID will result in excessively large"
                    + " Image."));
      }
    }
  }
}
