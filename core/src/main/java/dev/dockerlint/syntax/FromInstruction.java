package dev.dockerlint.syntax;

import java.util.List;
import java.util.Optional;

/**
 * FROM [--platform=...] image [AS name]. {@code words} are BuildKit's blank-separated arguments;
 * {@code image} is the first, {@code stageName} the third when the second is {@code AS}.
 */
public record FromInstruction(
    Header header, Optional<Word> image, Optional<Word> stageName, List<Word> words)
    implements Instruction {
  public FromInstruction {
    words = List.copyOf(words);
  }
}
