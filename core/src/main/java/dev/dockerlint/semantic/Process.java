package dev.dockerlint.semantic;

import dev.dockerlint.syntax.Instruction;
import java.util.List;
import java.util.Optional;

/**
 * What a container of an image runs: ENTRYPOINT and CMD combined as the runtime does. {@code argv}
 * is the program and its arguments ({@code argv.get(0)} is what must exist and be executable); for
 * shell form it starts with the SHELL in force. {@code shellForm} tells whether the command (the
 * entrypoint, or the CMD when there is no entrypoint) was written in shell form.
 */
public record Process(
    List<String> argv,
    boolean shellForm,
    Optional<Instruction> entrypoint,
    Optional<Instruction> cmd) {
  public Process {
    argv = List.copyOf(argv);
  }
}
