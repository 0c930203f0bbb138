package dev.dockerlint.shell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A shell script (a RUN command, a heredoc body) read into its simple commands, including those
 * inside {@code $(...)}, subshells, functions, conditions and loops, in source order, and its
 * pipes. The reader follows POSIX sh and the bash syntax Dockerfiles use ({@code [[ ]]}, {@code
 * $'...'}, arrays, process substitution); it never fails, it reads what it can.
 */
public final class ShellScript {
  private final String text;
  private final List<ShellCommand> commands;
  private final List<ShellPipe> pipes;

  private ShellScript(String text, List<ShellCommand> commands, List<ShellPipe> pipes) {
    this.text = text;
    this.commands = List.copyOf(commands);
    this.pipes = List.copyOf(pipes);
  }

  public static ShellScript parse(String text) {
    ShellParser p = new ShellParser(text);
    p.parse();
    List<ShellCommand> cmds = new ArrayList<>(p.commands());
    cmds.sort(Comparator.comparingInt(ShellCommand::start));
    return new ShellScript(text, cmds, p.pipes());
  }

  /** A script of one command (an exec-form argv). */
  public static ShellScript of(String text, ShellCommand command) {
    return new ShellScript(text, List.of(command), List.of());
  }

  public String text() {
    return text;
  }

  /** Every simple command with a literal name, in source order. */
  public List<ShellCommand> commands() {
    return commands;
  }

  /** Offsets of the pipe operators ({@code |}, {@code |&}; not {@code ||}), in source order. */
  public List<Integer> pipes() {
    return pipes.stream().map(ShellPipe::offset).sorted().toList();
  }

  /** The pipes with the command that writes into each, in source order. */
  public List<ShellPipe> pipelines() {
    return pipes.stream().sorted(Comparator.comparingInt(ShellPipe::offset)).toList();
  }

  public boolean hasPipes() {
    return !pipes.isEmpty();
  }

  /** Whether some command is named {@code name}. */
  public boolean uses(String name) {
    return commands.stream().anyMatch(c -> c.name().equals(name));
  }

  public boolean any(Predicate<ShellCommand> p) {
    return commands.stream().anyMatch(p);
  }

  public Optional<ShellCommand> first(Predicate<ShellCommand> p) {
    return commands.stream().filter(p).findFirst();
  }

  /** The index of the first command that matches, in source order. */
  public int indexOf(Predicate<ShellCommand> p) {
    for (int i = 0; i < commands.size(); i++) {
      if (p.test(commands.get(i))) {
        return i;
      }
    }
    return -1;
  }
}
