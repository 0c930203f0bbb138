package dev.dockerlint.syntax;

import java.util.List;

/** ENV key=value... (or the legacy {@code ENV key value}). */
public record EnvInstruction(Header header, List<KeyValue> pairs) implements Instruction {
  public EnvInstruction {
    pairs = List.copyOf(pairs);
  }
}
