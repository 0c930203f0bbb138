package dev.dockerlint.imagefs;

import dev.dockerlint.syntax.Heredoc;
import dev.dockerlint.syntax.Instruction;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an entry of a stage's filesystem comes from, so that a finding can name the line that put a
 * file there and the file to fix.
 *
 * @param instruction the COPY, ADD, RUN or WORKDIR that placed it; empty for the base image
 * @param description a short phrase for messages, e.g. {@code copied from 'entrypoint.sh' at line
 *     3}
 * @param contextFile the build context path of the copied file, when it comes from the context
 * @param heredoc the heredoc of a {@code COPY <<EOF} that wrote it
 * @param singleSource whether the instruction copies this one file and nothing else (a {@code
 *     --chmod} added to it changes nothing but this file)
 * @param condition when the placement depends on something unknown (e.g. whether the destination is
 *     a directory in the base image), what it depends on
 */
public record Origin(
    Optional<Instruction> instruction,
    String description,
    Optional<String> contextFile,
    Optional<Heredoc> heredoc,
    boolean singleSource,
    Optional<String> condition) {

  public Origin {
    Objects.requireNonNull(instruction, "instruction");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(contextFile, "contextFile");
    Objects.requireNonNull(heredoc, "heredoc");
    Objects.requireNonNull(condition, "condition");
  }

  /** An origin described by a phrase only. */
  public static Origin of(Optional<Instruction> instruction, String description) {
    return new Origin(
        instruction, description, Optional.empty(), Optional.empty(), false, Optional.empty());
  }

  /** The same origin, placed only if {@code why} holds. */
  public Origin conditional(String why) {
    return new Origin(
        instruction, description, contextFile, heredoc, singleSource, Optional.of(why));
  }
}
