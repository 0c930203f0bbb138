package dev.dockerlint.output;

import dev.dockerlint.rules.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * JUnit XML, which most CI servers show as a test report: one test suite per file, one failing test
 * case per finding (a clean file has one passing case), and an error case for a file that could not
 * be read.
 */
public final class JunitFormatter implements Formatter {
  @Override
  public void write(List<FileResult> results, Writer out) {
    int tests = 0;
    int failures = 0;
    int errors = 0;
    for (FileResult r : results) {
      tests += Math.max(1, r.diagnostics().size());
      failures += r.diagnostics().size();
      errors += r.error().isPresent() ? 1 : 0;
    }
    try {
      out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
      out.write(
          "<testsuites name=\"dockerlint\" tests=\""
              + tests
              + "\" failures=\""
              + failures
              + "\" errors=\""
              + errors
              + "\">\n");
      for (FileResult r : results) {
        String path = Xml.escape(r.path());
        int n = r.diagnostics().size();
        out.write(
            "  <testsuite name=\""
                + path
                + "\" tests=\""
                + Math.max(1, n)
                + "\" failures=\""
                + n
                + "\" errors=\""
                + (r.error().isPresent() ? 1 : 0)
                + "\">\n");
        if (r.error().isPresent()) {
          out.write(
              "    <testcase name=\"dockerlint\" classname=\""
                  + path
                  + "\">\n      <error message=\""
                  + Xml.escape(r.error().get())
                  + "\"/>\n    </testcase>\n");
        } else if (n == 0) {
          out.write("    <testcase name=\"dockerlint\" classname=\"" + path + "\"/>\n");
        }
        for (Diagnostic d : r.diagnostics()) {
          int line = d.range().start().line() + 1;
          int col = d.range().start().column() + 1;
          out.write(
              "    <testcase name=\""
                  + d.rule().code()
                  + " "
                  + d.rule().name()
                  + " at "
                  + line
                  + ":"
                  + col
                  + "\" classname=\""
                  + path
                  + "\" file=\""
                  + path
                  + "\" line=\""
                  + line
                  + "\">\n      <failure message=\""
                  + Xml.escape(d.message())
                  + "\" type=\""
                  + d.severity().id()
                  + "\">"
                  + Xml.escape(
                      r.path()
                          + ":"
                          + line
                          + ":"
                          + col
                          + ": "
                          + d.severity().id()
                          + " "
                          + d.rule().code()
                          + ": "
                          + d.message()
                          + "\n"
                          + d.rule().docUrl())
                  + "</failure>\n    </testcase>\n");
        }
        out.write("  </testsuite>\n");
      }
      out.write("</testsuites>\n");
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
