package dev.dockerlint.output;

import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Checkstyle XML, which Jenkins (warnings-ng), reviewdog and many CI tools read: one {@code <file>}
 * per input, one {@code <error>} per finding; style findings are {@code info}.
 */
public final class CheckstyleFormatter implements Formatter {
  @Override
  public void write(List<FileResult> results, Writer out) {
    try {
      out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n");
      for (FileResult r : results) {
        out.write("  <file name=\"" + Xml.escape(r.path()) + "\">\n");
        if (r.error().isPresent()) {
          out.write(
              "    <error line=\"1\" severity=\"error\" message=\""
                  + Xml.escape(r.error().get())
                  + "\" source=\"dockerlint\"/>\n");
        }
        for (Diagnostic d : r.diagnostics()) {
          out.write(
              "    <error line=\""
                  + (d.range().start().line() + 1)
                  + "\" column=\""
                  + (d.range().start().column() + 1)
                  + "\" severity=\""
                  + (d.severity() == Severity.STYLE ? "info" : d.severity().id())
                  + "\" message=\""
                  + Xml.escape(d.message())
                  + "\" source=\""
                  + d.rule().code()
                  + "\"/>\n");
        }
        out.write("  </file>\n");
      }
      out.write("</checkstyle>\n");
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
