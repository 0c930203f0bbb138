package dev.dockerlint.syntax;

import java.util.List;

/** LABEL key=value... */
public record LabelInstruction(Header header, List<KeyValue> pairs) implements Instruction {
  public LabelInstruction {
    pairs = List.copyOf(pairs);
  }
}
