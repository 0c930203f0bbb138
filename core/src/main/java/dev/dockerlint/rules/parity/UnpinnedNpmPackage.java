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
 * {@code npm install <package>} without a version, tag or commit. A bare {@code npm install} (from
 * package.json), folders, tarballs and git URLs with a ref are fine; variables are not judged.
 */
@RuleInfo(
    code = "DKL3016",
    name = "unpinned-npm-package",
    severity = Severity.WARNING,
    summary = "npm install without package versions",
    aliases = {"DL3016"})
public final class UnpinnedNpmPackage implements StageRule {
  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    for (Runs.Cmd c : Runs.commands(ctx, stage)) {
      ShellCommand cmd = c.command();
      if (!cmd.is("npm", "install")) {
        continue;
      }
      List<ShellWord> words = cmd.dropFlagValues("loglevel", "registry").argsNoFlags();
      if (words.isEmpty() || !words.get(0).value().equals("install")) {
        continue;
      }
      int at = 0;
      while (at < words.size() && words.get(at).value().equals("install")) {
        at++;
      }
      List<String> unpinned = new ArrayList<>();
      for (ShellWord w : words.subList(at, words.size())) {
        if (w.literal() && !versionFixed(w.value())) {
          unpinned.add(w.value());
        }
      }
      if (!unpinned.isEmpty()) {
        ctx.report(
            Finding.of(
                c.range(),
                "Pin versions in npm. Instead of `npm install <package>` use `npm install"
                    + " <package>@<version>` (unpinned: "
                    + String.join(", ", unpinned)
                    + ")"));
      }
    }
  }

  static boolean versionFixed(String p) {
    for (String g : List.of("git://", "git+ssh://", "git+http://", "git+https://")) {
      if (p.startsWith(g)) {
        return p.contains("#");
      }
    }
    for (String t : List.of(".tar", ".tar.gz", ".tgz")) {
      if (p.endsWith(t)) {
        return true;
      }
    }
    for (String f : List.of("/", "./", "../", "~/")) {
      if (p.startsWith(f)) {
        return true;
      }
    }
    String name = p.startsWith("@") && p.indexOf('/') > 0 ? p.substring(p.indexOf('/')) : p;
    return name.contains("@");
  }
}
