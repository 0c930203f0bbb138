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
 * {@code pip install} of packages without a version specifier. Requirements files ({@code -r}),
 * constraints ({@code -c}), the local project ({@code .}), wheels, sdists, paths and VCS URLs with
 * a ref are fine; packages given by a variable are not judged.
 */
@RuleInfo(
    code = "DKL3013",
    name = "unpinned-pip-package",
    severity = Severity.WARNING,
    summary = "pip install without package versions",
    aliases = {"DL3013"})
public final class UnpinnedPipPackage implements StageRule {
  private static final String[] VALUE_FLAGS = {
    "abi",
    "b",
    "build",
    "e",
    "editable",
    "extra-index-url",
    "f",
    "find-links",
    "i",
    "index-url",
    "implementation",
    "no-binary",
    "only-binary",
    "platform",
    "prefix",
    "progress-bar",
    "proxy",
    "python",
    "python-version",
    "root",
    "root-user-action",
    "src",
    "t",
    "target",
    "trusted-host",
    "upgrade-strategy"
  };
  private static final List<String> VERSION =
      List.of("==", ">=", "<=", ">", "<", "!=", "~=", "===");
  private static final List<String> VCS =
      List.of(
          "git+file",
          "git+https",
          "git+ssh",
          "git+http",
          "git+git",
          "git",
          "hg+file",
          "hg+http",
          "hg+https",
          "hg+ssh",
          "hg+static-http",
          "svn",
          "svn+svn",
          "svn+http",
          "svn+https",
          "svn+ssh",
          "bzr+http",
          "bzr+https",
          "bzr+ssh",
          "bzr+sftp",
          "bzr+ftp",
          "bzr+lp");

  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    for (Runs.Cmd c : Runs.commands(ctx, stage)) {
      ShellCommand cmd = c.command();
      if (!Pip.isInstall(cmd)
          || cmd.hasFlag("constraint")
          || cmd.hasFlag("c")
          || cmd.hasArg("--requirement")
          || cmd.hasArg("-r")
          || cmd.hasArg(".")) {
        continue;
      }
      List<ShellWord> words = cmd.dropFlagValues(VALUE_FLAGS).argsNoFlags();
      int at = 0;
      while (at < words.size() && !words.get(at).value().equals("install")) {
        at++;
      }
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
                "Pin versions in pip. Instead of `pip install <package>` use `pip install"
                    + " <package>==<version>` or `pip install --requirement <requirements file>`"
                    + " (unpinned: "
                    + String.join(", ", unpinned)
                    + ")"));
      }
    }
  }

  static boolean versionFixed(String p) {
    boolean vcs = VCS.stream().anyMatch(p::startsWith);
    return VERSION.stream().anyMatch(p::contains)
        || (vcs && p.contains("@"))
        || p.endsWith(".whl")
        || p.endsWith(".tar.gz")
        || (!vcs && p.contains("/"));
  }
}
