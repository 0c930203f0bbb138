package dev.dockerlint.semantic;

import dev.dockerlint.syntax.Instruction;
import java.util.Optional;

/**
 * A build variable in scope: an ARG, an ENV, an automatic platform ARG or a variable of the base
 * image's environment. {@code value} is empty for an ARG declared without default and not given as
 * a build argument. {@code definedBy} is the instruction that set it (absent for automatic and base
 * image variables).
 */
public record Variable(
    String name, Optional<String> value, Kind kind, Optional<Instruction> definedBy) {

  /** Where a variable comes from. */
  public enum Kind {
    ARG,
    ENV,
    AUTOMATIC,
    BASE_IMAGE
  }
}
