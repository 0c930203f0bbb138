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
 * {@code go install}, {@code go get} or {@code go run} of a remote package without a version
 * ({@code @v1.2.3}); {@code @latest} and {@code @none} are no pin. Local packages ({@code .},
 * {@code ./...}) are fine; variables are not judged.
 */
@RuleInfo(
    code = "DKL3062",
    name = "unpinned-go-package",
    severity = Severity.WARNING,
    summary = "go install without a version",
    aliases = {"DL3062"})
public final class UnpinnedGoPackage implements StageRule {
  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    for (Runs.Cmd c : Runs.commands(ctx, stage)) {
      ShellCommand cmd = c.command();
      if (!cmd.name().equals("go") || cmd.arguments().isEmpty()) {
        continue;
      }
      List<ShellWord> words = cmd.argsNoFlags();
      if (words.isEmpty()) {
        continue;
      }
      String sub = words.get(0).value();
      List<ShellWord> packages = new ArrayList<>();
      if (sub.equals("run")) {
        if (words.size() > 1) {
          packages.add(words.get(1)); // the rest are the program's arguments
        }
      } else if ((sub.equals("install") || sub.equals("get"))
          && !(words.size() > 1 && words.get(1).value().equals("tool"))) {
        for (ShellWord w : words.subList(1, words.size())) {
          if (!w.value().equals("tool")) {
            packages.add(w);
          }
        }
      }
      List<String> unpinned = new ArrayList<>();
      for (ShellWord w : packages) {
        if (w.literal() && !pinned(w.value())) {
          unpinned.add(w.value());
        }
      }
      if (!unpinned.isEmpty()) {
        ctx.report(
            Finding.of(
                c.range(),
                "Pin versions in go. Instead of `go install <package>` use `go install"
                    + " <package>@<version>` (unpinned: "
                    + String.join(", ", unpinned)
                    + ")"));
      }
    }
  }

  private static boolean pinned(String p) {
    if (p.equals(".") || p.startsWith("/") || p.startsWith(".") || p.endsWith(".go")) {
      return true;
    }
    return p.contains("@") && !p.endsWith("@latest") && !p.endsWith("@none");
  }
}
