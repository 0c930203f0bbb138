package dev.dockerlint.syntax;

import java.util.List;

/**
 * The command of RUN, CMD, ENTRYPOINT, SHELL or HEALTHCHECK CMD. Exec form is a JSON array of
 * strings run as it is; shell form is one string that runs through the SHELL in force ({@code
 * /bin/sh -c} by default).
 */
public sealed interface Command {
  Range range();

  /** {@code ["executable", "arg", ...]}; the range covers the brackets. */
  record ExecForm(List<Word> arguments, Range range) implements Command {
    public ExecForm {
      arguments = List.copyOf(arguments);
    }
  }

  /** The command text as written on the logical line, trimmed. */
  record ShellForm(Word text) implements Command {
    @Override
    public Range range() {
      return text.range();
    }
  }
}
