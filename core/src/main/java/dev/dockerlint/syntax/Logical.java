package dev.dockerlint.syntax;

import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * The logical line of an instruction: the text BuildKit sees once continuations, comment lines and
 * blank lines inside the continuation are removed, with the source offset of every character so
 * that anything found in it maps back to an exact range.
 */
final class Logical {
  private final RangeCursor ranges;
  private final String text;
  private int[] offsets = new int[64];
  private final int[] tokenStarts;
  private final int firstTokenIndex;
  private int endOffset;

  /** Builds the line from {@code tokens} (consecutive, all channels). */
  Logical(SourceText source, RangeCursor ranges, List<Token> tokens, OffsetMap map) {
    this.ranges = ranges;
    StringBuilder text = new StringBuilder();
    this.firstTokenIndex = tokens.isEmpty() ? 0 : tokens.get(0).getTokenIndex();
    this.tokenStarts = new int[tokens.size() + 1];
    int k = 0;
    for (Token t : tokens) {
      tokenStarts[k++] = text.length();
      if (t.getChannel() != Token.DEFAULT_CHANNEL) {
        continue;
      }
      int start = map.utf16(t.getStartIndex());
      int end = Math.min(map.utf16(t.getStopIndex() + 1), source.length());
      if (end <= start) {
        continue;
      }
      int len = end - start;
      ensure(text.length() + len);
      for (int j = 0; j < len; j++) {
        offsets[text.length() + j] = start + j;
      }
      text.append(source.text(), start, end);
      endOffset = end;
    }
    tokenStarts[k] = text.length();
    if (tokens.isEmpty()) {
      endOffset = 0;
    } else if (text.length() == 0) {
      endOffset = map.utf16(tokens.get(0).getStartIndex());
    }
    this.text = text.toString();
  }

  private void ensure(int n) {
    if (n > offsets.length) {
      offsets = java.util.Arrays.copyOf(offsets, Math.max(n, offsets.length * 2));
    }
  }

  String text() {
    return text;
  }

  int length() {
    return text.length();
  }

  char charAt(int i) {
    return text.charAt(i);
  }

  String substring(int from, int to) {
    return text.substring(from, to);
  }

  /** Logical index where the token with that stream index starts. */
  int indexOfToken(int tokenIndex) {
    int i = tokenIndex - firstTokenIndex;
    if (i < 0) {
      return 0;
    }
    return i >= tokenStarts.length ? text.length() : tokenStarts[i];
  }

  /** Source offset of logical index {@code i} (the end of the text maps after its last char). */
  int sourceOffset(int i) {
    if (i < text.length()) {
      return offsets[i];
    }
    return text.length() == 0 ? endOffset : offsets[text.length() - 1] + 1;
  }

  /** The source range of logical {@code [from, to)}. */
  Range range(int from, int to) {
    if (to <= from) {
      int at = sourceOffset(from);
      return ranges.range(at, at);
    }
    return ranges.range(offsets[from], offsets[to - 1] + 1);
  }

  Word word(int from, int to) {
    return new Word(text.substring(from, to), range(from, to));
  }

  Word word(String value, int from, int to) {
    return new Word(value, range(from, to));
  }
}
