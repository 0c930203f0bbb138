package dev.dockerlint.syntax;

/**
 * A half-open span of source text: {@code [startOffset, endOffset)} in UTF-16 code units, with the
 * matching 0-based positions. Ranges are what diagnostics, quick fixes and the language server
 * stand on, so every node of the syntax tree has one.
 */
public record Range(Position start, Position end, int startOffset, int endOffset) {

  public boolean isEmpty() {
    return startOffset == endOffset;
  }

  public boolean contains(int offset) {
    return offset >= startOffset && offset < endOffset;
  }

  /** Whether {@code offset} is inside or at the end of this range (a cursor touching it). */
  public boolean touches(int offset) {
    return offset >= startOffset && offset <= endOffset;
  }

  public boolean contains(Range other) {
    return other.startOffset >= startOffset && other.endOffset <= endOffset;
  }

  /** The smallest range covering both. */
  public Range union(Range other) {
    Range first = startOffset <= other.startOffset ? this : other;
    Range last = endOffset >= other.endOffset ? this : other;
    return new Range(first.start, last.end, first.startOffset, last.endOffset);
  }

  @Override
  public String toString() {
    return (start.line() + 1)
        + ":"
        + (start.column() + 1)
        + "-"
        + (end.line() + 1)
        + ":"
        + (end.column() + 1);
  }
}
