package dev.dockerlint.output;

import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * The GNU coding standards' message format, {@code FILE:LINE.COL-ENDLINE.ENDCOL: severity: message
 * [CODE]} (end column inclusive), which Emacs' compilation mode and Vim's quickfix list read.
 */
public final class GnuFormatter implements Formatter {
  @Override
  public void write(List<FileResult> results, Writer out) {
    try {
      for (FileResult r : results) {
        if (r.error().isPresent()) {
          out.write(r.path() + ": error: " + r.error().get() + "\n");
        }
        for (Diagnostic d : r.diagnostics()) {
          int line = d.range().start().line() + 1;
          int col = d.range().start().column() + 1;
          int endLine = d.range().end().line() + 1;
          int endCol = Math.max(d.range().end().column(), 1);
          if (endLine == line) {
            endCol = Math.max(endCol, col);
          }
          out.write(
              r.path()
                  + ":"
                  + line
                  + "."
                  + col
                  + "-"
                  + endLine
                  + "."
                  + endCol
                  + ": "
                  + (d.severity() == Severity.ERROR
                      ? "error"
                      : d.severity() == Severity.WARNING ? "warning" : "note")
                  + ": "
                  + d.message()
                  + " ["
                  + d.rule().code()
                  + "]\n");
        }
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
