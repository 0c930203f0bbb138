package dev.dockerlint.syntax;

import java.util.Arrays;

/**
 * The text of a Dockerfile with a line index, turning offsets into positions and ranges, and
 * positions and ranges back into offsets. Lines end at {@code \n} only, like BuildKit's scanner; a
 * lone {@code \r} is part of its line.
 *
 * <p>Syntax nodes hold ranges of positions only, so every offset of a node is computed here,
 * against the text of the version at hand.
 */
public final class SourceText {
  private final String text;
  private final int[] lineStarts;

  public SourceText(String text) {
    this.text = text;
    int[] starts = new int[16];
    int n = 0;
    starts[n++] = 0;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      if (n == starts.length) {
        starts = Arrays.copyOf(starts, n * 2);
      }
      starts[n++] = i + 1;
    }
    this.lineStarts = Arrays.copyOf(starts, n);
  }

  private SourceText(String text, int[] lineStarts) {
    this.text = text;
    this.lineStarts = lineStarts;
  }

  /**
   * The text {@code edited}, which is this one with {@code [start, end)} replaced by {@code
   * inserted}. When neither the replaced nor the inserted text holds a line break, its line index
   * is this one's with the lines after the edit moved, and the text is not scanned again (a
   * keystroke in a long file).
   */
  public SourceText edited(int start, int end, String inserted, String edited) {
    int nl = text.indexOf('\n', start);
    if (inserted.indexOf('\n') >= 0 || (nl >= 0 && nl < end)) {
      return new SourceText(edited);
    }
    int delta = inserted.length() - (end - start);
    int[] starts = lineStarts.clone();
    for (int line = lineOf(start) + 1; line < starts.length; line++) {
      starts[line] += delta;
    }
    return new SourceText(edited, starts);
  }

  public String text() {
    return text;
  }

  public int length() {
    return text.length();
  }

  /** Number of lines; a final newline starts one more (empty) line. */
  public int lineCount() {
    return lineStarts.length;
  }

  public int lineStart(int line) {
    return lineStarts[line];
  }

  /** Offset of the end of {@code line}, before its {@code \n} (a trailing {@code \r} is kept). */
  public int lineEnd(int line) {
    return line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : text.length();
  }

  /** The text of a line without its line ending ({@code \r\n} or {@code \n}). */
  public String lineText(int line) {
    int end = lineEnd(line);
    int start = lineStarts[line];
    while (end > start && text.charAt(end - 1) == '\r') {
      end--;
    }
    return text.substring(start, end);
  }

  public int lineOf(int offset) {
    int i = Arrays.binarySearch(lineStarts, offset);
    return i >= 0 ? i : -i - 2;
  }

  /**
   * {@link #lineOf(int)} for an offset in {@code [0, length]}, looking first at line {@code hint}
   * and the one after it.
   */
  int lineOf(int offset, int hint) {
    for (int line = hint; line <= hint + 1 && line < lineStarts.length; line++) {
      if (lineStarts[line] <= offset
          && (line + 1 == lineStarts.length || offset < lineStarts[line + 1])) {
        return line;
      }
    }
    return lineOf(offset);
  }

  /** The position of an offset; offsets past the end clamp to the end. */
  public Position position(int offset) {
    offset = Math.max(0, Math.min(offset, text.length()));
    int line = lineOf(offset);
    return new Position(line, offset - lineStarts[line]);
  }

  /** Offset of a position; columns past the end of the line clamp to its end. */
  public int offset(Position p) {
    if (p.line() < 0) {
      return 0;
    }
    if (p.line() >= lineStarts.length) {
      return text.length();
    }
    return Math.min(lineStarts[p.line()] + Math.max(0, p.column()), lineEnd(p.line()));
  }

  /** Offset of the start of {@code r} in this text ({@link #offset(Position)}). */
  public int startOffset(Range r) {
    return offset(r.start());
  }

  /** Offset of the end of {@code r} in this text ({@link #offset(Position)}). */
  public int endOffset(Range r) {
    return offset(r.end());
  }

  /** The range of {@code [startOffset, endOffset)}, clamped to the text. */
  public Range range(int startOffset, int endOffset) {
    int s = Math.max(0, Math.min(startOffset, text.length()));
    int e = Math.max(s, Math.min(endOffset, text.length()));
    Position start = position(s);
    int line = lineOf(e, start.line());
    return new Range(start, new Position(line, e - lineStarts[line]));
  }

  /** The range of a whole line, without its line ending. */
  public Range lineRange(int line) {
    int start = lineStarts[line];
    return range(start, start + lineText(line).length());
  }

  public String slice(Range r) {
    return text.substring(startOffset(r), endOffset(r));
  }
}
