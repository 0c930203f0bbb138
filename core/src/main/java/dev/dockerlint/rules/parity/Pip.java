package dev.dockerlint.rules.parity;

import dev.dockerlint.shell.ShellCommand;
import java.util.Collections;
import java.util.List;

/** How hadolint recognises pip installs. */
final class Pip {
  private Pip() {}

  /** {@code pip install}, {@code pip3 install}, {@code python -m pip install} (not pipenv). */
  static boolean isInstall(ShellCommand c) {
    String n = c.name();
    List<String> args = c.args();
    boolean std = n.startsWith("pip") && !n.startsWith("pipenv") && args.contains("install");
    boolean module =
        n.startsWith("python")
            && Collections.indexOfSubList(args, List.of("-m", "pip", "install")) >= 0;
    return std || module;
  }

  /** {@code pipx} or {@code pipenv}, directly or as {@code python -m}. */
  static boolean isWrapper(ShellCommand c) {
    for (String w : List.of("pipx", "pipenv")) {
      if (c.name().contains(w)
          || (c.name().startsWith("python")
              && Collections.indexOfSubList(c.args(), List.of("-m", w)) >= 0)) {
        return true;
      }
    }
    return false;
  }
}
