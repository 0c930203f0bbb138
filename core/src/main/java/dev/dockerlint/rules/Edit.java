package dev.dockerlint.rules;

import dev.dockerlint.syntax.Range;
import dev.dockerlint.syntax.SourceText;
import java.util.List;

/** Replace the text of {@code range} with {@code replacement} (empty range: insert). */
public record Edit(Range range, String replacement) {

  /**
   * The text of {@code source} with {@code edits} applied; the edits are sorted, do not overlap and
   * have ranges in {@code source}.
   */
  public static String apply(SourceText source, List<Edit> edits) {
    String text = source.text();
    StringBuilder sb = new StringBuilder(text.length());
    int at = 0;
    for (Edit e : edits) {
      sb.append(text, at, source.startOffset(e.range())).append(e.replacement());
      at = source.endOffset(e.range());
    }
    return sb.append(text, at, text.length()).toString();
  }
}
