package dev.dockerlint.syntax;

/**
 * A half-open span of source text from {@code start} to {@code end}, as 0-based positions. Ranges
 * are what diagnostics, quick fixes and the language server stand on, so every node of the syntax
 * tree has one.
 *
 * <p>A range holds no absolute offset: the offsets it covers depend on the text it is read against
 * ({@link SourceText#startOffset(Range)}, {@link SourceText#endOffset(Range)}). So a node keeps its
 * range when an edit on an earlier line changes the lengths of that line but not the line count,
 * and the language server can keep such nodes between versions as they are.
 */
public record Range(Position start, Position end) {

  /** The empty range at {@code p}, where an insertion goes. */
  public static Range at(Position p) {
    return new Range(p, p);
  }

  public boolean isEmpty() {
    return start.equals(end);
  }

  /** Whether {@code p} is inside this range: at its start or after, and before its end. */
  public boolean contains(Position p) {
    return start.compareTo(p) <= 0 && p.compareTo(end) < 0;
  }

  /** Whether {@code p} is inside or at the end of this range (a cursor touching it). */
  public boolean touches(Position p) {
    return start.compareTo(p) <= 0 && p.compareTo(end) <= 0;
  }

  public boolean contains(Range other) {
    return other.start.compareTo(start) >= 0 && other.end.compareTo(end) <= 0;
  }

  /** Whether the two ranges overlap or meet (one ends where the other starts). */
  public boolean meets(Range other) {
    return start.compareTo(other.end) <= 0 && other.start.compareTo(end) <= 0;
  }

  /** The smallest range covering both. */
  public Range union(Range other) {
    Position first = start.compareTo(other.start) <= 0 ? start : other.start;
    Position last = end.compareTo(other.end) >= 0 ? end : other.end;
    return new Range(first, last);
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
