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
import java.util.Set;

/**
 * {@code gem install <gem>} without a version ({@code rails:7.1.3} or {@code -v}). Options that
 * take a value skip it; variables are not judged.
 */
@RuleInfo(
    code = "DKL3028",
    name = "unpinned-gem",
    severity = Severity.WARNING,
    summary = "gem install without versions",
    aliases = {"DL3028"})
public final class UnpinnedGem implements StageRule {
  /** gem install options that take no value (hadolint assumes every option takes one). */
  private static final Set<String> BOOLEAN =
      Set.of(
          "-N",
          "--no-document",
          "--no-ri",
          "--no-rdoc",
          "--user-install",
          "--no-user-install",
          "--conservative",
          "--minimal-deps",
          "--force",
          "-f",
          "--quiet",
          "-q",
          "--verbose",
          "-V",
          "--prerelease",
          "--pre",
          "--ignore-dependencies",
          "--development",
          "--default",
          "--local",
          "-l",
          "--remote",
          "-r",
          "--both",
          "-b",
          "--clear-sources",
          "-E",
          "--env-shebang",
          "--no-env-shebang",
          "--lock",
          "--no-lock",
          "--suggestions",
          "--no-suggestions",
          "--post-install-message",
          "--no-post-install-message");

  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    for (Runs.Cmd c : Runs.commands(ctx, stage)) {
      ShellCommand cmd = c.command();
      if (!cmd.is("gem", "install", "i")
          || cmd.hasArg("-v")
          || cmd.hasArg("--version")
          || cmd.hasArgStartingWith("--version=")) {
        continue;
      }
      List<String> unpinned = new ArrayList<>();
      List<ShellWord> args = cmd.arguments();
      for (int k = 0; k < args.size(); k++) {
        ShellWord w = args.get(k);
        String a = w.value();
        if (a.equals("--")) {
          break;
        }
        if (a.startsWith("-")) {
          if (!BOOLEAN.contains(a) && !a.startsWith("--no-") && !a.contains("=")) {
            k++;
          }
          continue;
        }
        if (a.equals("install") || a.equals("i") || !w.literal()) {
          continue;
        }
        if (!a.contains(":")) {
          unpinned.add(a);
        }
      }
      if (!unpinned.isEmpty()) {
        ctx.report(
            Finding.of(
                c.range(),
                "Pin versions in gem install. Instead of `gem install <gem>` use `gem install"
                    + " <gem>:<version>` (unpinned: "
                    + String.join(", ", unpinned)
                    + ")"));
      }
    }
  }
}
