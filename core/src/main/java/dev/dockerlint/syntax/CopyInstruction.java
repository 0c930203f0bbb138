package dev.dockerlint.syntax;

import java.util.List;
import java.util.Optional;

/** COPY sources... destination. {@code words} are all paths; the last is the destination. */
public record CopyInstruction(Header header, List<Word> words, boolean execForm)
    implements Instruction {
  public CopyInstruction {
    words = List.copyOf(words);
  }

  /** All but the last word (or nothing when there is only one). */
  public List<Word> sources() {
    return words.size() < 2 ? List.of() : words.subList(0, words.size() - 1);
  }

  /** The last word: where the sources go. */
  public Optional<Word> destination() {
    return words.isEmpty() ? Optional.empty() : Optional.of(words.get(words.size() - 1));
  }
}
