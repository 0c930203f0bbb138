package dev.dockerlint.shell;

import java.util.List;
import java.util.Optional;

/**
 * A pipe operator ({@code |} or {@code |&}) at {@code offset}: {@code left} is the simple command
 * that writes into it (empty when that is a compound command), {@code leftCommands} every simple
 * command of what writes into it (the group's, for {@code { ...; } |}), {@code inSubstitution}
 * whether it is inside {@code $( )} or backticks, where its exit status becomes a word, not the
 * script's.
 */
public record ShellPipe(
    int offset,
    Optional<ShellCommand> left,
    List<ShellCommand> leftCommands,
    boolean inSubstitution) {}
