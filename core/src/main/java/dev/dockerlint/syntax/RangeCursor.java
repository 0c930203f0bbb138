package dev.dockerlint.syntax;

/**
 * {@link SourceText#range} for one parse. The reader asks for ranges in nearly ascending order, so
 * each line look-up starts at the line of the previous one instead of searching all lines.
 */
final class RangeCursor {
  private final SourceText source;
  private int line;

  RangeCursor(SourceText source) {
    this.source = source;
  }

  /** The same range as {@link SourceText#range}. */
  Range range(int startOffset, int endOffset) {
    int length = source.length();
    int s = Math.max(0, Math.min(startOffset, length));
    int e = Math.max(s, Math.min(endOffset, length));
    Position start = position(s);
    return new Range(start, position(e));
  }

  private Position position(int offset) {
    line = source.lineOf(offset, line);
    return new Position(line, offset - source.lineStart(line));
  }
}
