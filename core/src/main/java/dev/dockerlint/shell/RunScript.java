package dev.dockerlint.shell;

import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.Range;

/**
 * A shell script a RUN instruction runs: the shell-form command (with any heredoc it feeds), a
 * heredoc body that is the whole command (BuildKit runs it as a script, through its own shebang
 * when it has one), or the {@code -c} script of an exec-form shell. {@code instruction} is the RUN
 * (for {@code ONBUILD RUN}: the ONBUILD, with {@code onbuild} set). {@code dialect} is the shell
 * that runs it ({@code sh}, {@code bash}, {@code dash}, {@code ksh}, {@code zsh}, {@code ash}).
 * {@code heredoc} tells whether the script is a heredoc body.
 */
public record RunScript(
    Instruction instruction,
    ShellScript script,
    MappedText mapped,
    String dialect,
    boolean heredoc,
    boolean onbuild) {

  /** The source range of script text {@code [from, to)}. */
  public Range range(int from, int to) {
    return mapped.range(from, to);
  }

  public Range range(ShellWord w) {
    return mapped.range(w.start(), w.end());
  }

  /** The command's range: its name and arguments. */
  public Range range(ShellCommand c) {
    int end =
        c.arguments().isEmpty()
            ? c.nameWord().end()
            : c.arguments().get(c.arguments().size() - 1).end();
    return mapped.range(c.nameWord().start(), end);
  }

  public String text() {
    return script.text();
  }
}
