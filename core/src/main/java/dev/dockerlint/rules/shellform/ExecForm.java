package dev.dockerlint.rules.shellform;

import dev.dockerlint.syntax.DockerfileText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns shell-form command text into exec form where that keeps its meaning. Text is "plain" when a
 * shell would do nothing with it but split it at blanks: no variables, quotes, escapes, globs,
 * operators, redirections, command substitution or home directories, and a first word that is a
 * program rather than an assignment or a shell builtin.
 */
final class ExecForm {
  private ExecForm() {}

  /** Characters a POSIX shell (or bash as /bin/sh) gives a meaning to. */
  private static final String SHELL_CHARACTERS = "$'\"\\*?[]{};&|<>()`~#!";

  /** Words that are shell syntax or builtins, with no program of that name to run. */
  private static final Set<String> SHELL_WORDS =
      Set.of(
          "if",
          "then",
          "else",
          "elif",
          "fi",
          "for",
          "while",
          "until",
          "do",
          "done",
          "case",
          "esac",
          "in",
          "function",
          "select",
          "time",
          "cd",
          "export",
          "set",
          "unset",
          "source",
          ".",
          "alias",
          "ulimit",
          "umask",
          "trap",
          "wait",
          "eval",
          "exit",
          "return",
          "readonly",
          "shift",
          "local",
          "declare",
          "typeset",
          "exec",
          "command",
          "builtin");

  /**
   * The words of {@code text} when it is plain (a leading {@code exec} dropped: exec form already
   * makes the program PID 1); empty when a shell would interpret it.
   */
  static Optional<List<String>> plainWords(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (SHELL_CHARACTERS.indexOf(c) >= 0 || c == '\n' || c == '\r') {
        return Optional.empty();
      }
    }
    List<String> words = new ArrayList<>(List.of(text.trim().split("[ \t]+")));
    if (!words.isEmpty() && words.get(0).equals("exec")) {
      words.remove(0);
    }
    if (words.isEmpty() || words.get(0).isEmpty()) {
      return Optional.empty();
    }
    String first = words.get(0);
    if (first.contains("=") || first.startsWith("-") || SHELL_WORDS.contains(first)) {
      return Optional.empty();
    }
    return Optional.of(List.copyOf(words));
  }

  /**
   * Whether {@code text} is one simple command that {@code exec} can replace the shell with: no
   * command separators, pipes, background jobs, subshells or command substitution, and a first word
   * that is a program (or {@code exec} itself).
   */
  static boolean singleCommand(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (";&|()`\n\r#".indexOf(c) >= 0) {
        return false;
      }
    }
    String[] words = text.trim().split("[ \t]+");
    String first = words[0];
    return !first.isEmpty()
        && !first.contains("=")
        && !first.contains("$(")
        && (first.equals("exec") || !SHELL_WORDS.contains(first));
  }

  /** A JSON array of strings, as exec form writes it: {@code ["a", "b"]}. */
  static String array(List<String> words) {
    List<String> quoted = new ArrayList<>();
    for (String w : words) {
      quoted.add(DockerfileText.jsonString(w));
    }
    return "[" + String.join(", ", quoted) + "]";
  }
}
