package dev.dockerlint.syntax;

import java.util.Arrays;
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

  /**
   * The line in runs that are contiguous in the source: run {@code r} starts at logical index
   * {@code runStarts[r]} and source offset {@code runSources[r]}.
   */
  private int[] runStarts = new int[8];

  private int[] runSources = new int[8];
  private int runs;
  private final int[] tokenStarts;
  private final int firstTokenIndex;
  private final int endOffset;

  /** Builds the line from {@code tokens} (consecutive, all channels). */
  Logical(SourceText source, RangeCursor ranges, List<Token> tokens, OffsetMap map) {
    this.ranges = ranges;
    this.firstTokenIndex = tokens.isEmpty() ? 0 : tokens.get(0).getTokenIndex();
    this.tokenStarts = new int[tokens.size() + 1];
    int length = 0;
    int k = 0;
    for (Token t : tokens) {
      tokenStarts[k++] = length;
      if (t.getChannel() != Token.DEFAULT_CHANNEL) {
        continue;
      }
      int start = map.utf16(t.getStartIndex());
      int end = Math.min(map.utf16(t.getStopIndex() + 1), source.length());
      if (end <= start) {
        continue;
      }
      if (runs == 0 || runSources[runs - 1] + length - runStarts[runs - 1] != start) {
        addRun(length, start);
      }
      length += end - start;
    }
    tokenStarts[k] = length;
    if (tokens.isEmpty()) {
      endOffset = 0;
    } else if (length == 0) {
      endOffset = map.utf16(tokens.get(0).getStartIndex());
    } else {
      endOffset = offset(length - 1) + 1;
    }
    this.text = text(source.text(), length);
  }

  private void addRun(int logicalStart, int sourceStart) {
    if (runs == runStarts.length) {
      runStarts = Arrays.copyOf(runStarts, runs * 2);
      runSources = Arrays.copyOf(runSources, runs * 2);
    }
    runStarts[runs] = logicalStart;
    runSources[runs] = sourceStart;
    runs++;
  }

  private String text(String source, int length) {
    if (runs == 1) {
      return source.substring(runSources[0], runSources[0] + length);
    }
    StringBuilder sb = new StringBuilder(length);
    for (int r = 0; r < runs; r++) {
      int end = r + 1 < runs ? runStarts[r + 1] : length;
      sb.append(source, runSources[r], runSources[r] + end - runStarts[r]);
    }
    return sb.toString();
  }

  /** Source offset of the character at logical index {@code i} ({@code 0 <= i < length}). */
  private int offset(int i) {
    int lo = 0;
    int hi = runs - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (runStarts[mid] <= i) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return runSources[lo] + i - runStarts[lo];
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
      return offset(i);
    }
    return endOffset;
  }

  /** The source range of logical {@code [from, to)}. */
  Range range(int from, int to) {
    if (to <= from) {
      int at = sourceOffset(from);
      return ranges.range(at, at);
    }
    return ranges.range(offset(from), offset(to - 1) + 1);
  }

  Word word(int from, int to) {
    return new Word(text.substring(from, to), range(from, to));
  }

  Word word(String value, int from, int to) {
    return new Word(value, range(from, to));
  }
}
