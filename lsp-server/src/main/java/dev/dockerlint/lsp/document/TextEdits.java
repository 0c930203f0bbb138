package dev.dockerlint.lsp.document;

import dev.dockerlint.syntax.Position;
import dev.dockerlint.syntax.SourceText;
import java.util.List;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * Applies incremental changes to a document's text. Positions outside the text are clamped (a line
 * past the end means the end, a column past the line's end means the line's end), and a range whose
 * end is before its start is read as the empty range at the start, so a confused client cannot make
 * the server throw.
 */
public final class TextEdits {
  private TextEdits() {}

  /** The text after applying {@code changes} in order. */
  public static String apply(String text, List<TextDocumentContentChangeEvent> changes) {
    String t = text;
    for (TextDocumentContentChangeEvent c : changes) {
      t = apply(t, c);
    }
    return t;
  }

  /** A ranged change as offsets into {@code src}, clamped as described above. */
  public static IncrementalParse.Change change(SourceText src, TextDocumentContentChangeEvent c) {
    String insert = c.getText() == null ? "" : c.getText();
    int start = offset(src, c.getRange().getStart());
    int end = Math.max(start, offset(src, c.getRange().getEnd()));
    return new IncrementalParse.Change(start, end, insert);
  }

  static String apply(String text, TextDocumentContentChangeEvent c) {
    String insert = c.getText() == null ? "" : c.getText();
    if (c.getRange() == null) {
      return insert;
    }
    SourceText src = new SourceText(text);
    int start = offset(src, c.getRange().getStart());
    int end = Math.max(start, offset(src, c.getRange().getEnd()));
    return new StringBuilder(text.length() - (end - start) + insert.length())
        .append(text, 0, start)
        .append(insert)
        .append(text, end, text.length())
        .toString();
  }

  private static int offset(SourceText src, org.eclipse.lsp4j.Position p) {
    if (p == null) {
      return 0;
    }
    return src.offset(new Position(p.getLine(), p.getCharacter()));
  }
}
