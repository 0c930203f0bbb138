package dev.dockerlint.output;

import dev.dockerlint.rules.Applicability;
import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.Fix;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.syntax.SourceText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Human output: {@code path:line:col: severity CODE name: message}, the source line with the exact
 * range underlined, the predicted runtime error, and a summary. Colours only when asked.
 */
public final class TtyFormatter implements Formatter {
  private final boolean color;

  public TtyFormatter(boolean color) {
    this.color = color;
  }

  @Override
  public void write(List<FileResult> results, Writer out) {
    int errors = 0;
    int others = 0;
    int fixable = 0;
    try {
      for (FileResult r : results) {
        if (r.error().isPresent()) {
          continue;
        }
        SourceText src = new SourceText(r.source().orElse(""));
        for (Diagnostic d : r.diagnostics()) {
          if (d.severity() == Severity.ERROR) {
            errors++;
          } else {
            others++;
          }
          int line = d.range().start().line();
          out.write(
              paint("1", r.path() + ":" + (line + 1) + ":" + (d.range().start().column() + 1))
                  + ": "
                  + paint(severityColor(d.severity()), d.severity().id())
                  + " "
                  + paint("1", d.rule().code())
                  + " "
                  + d.rule().name()
                  + ": "
                  + d.message()
                  + "\n");
          if (r.source().isPresent() && line < src.lineCount()) {
            String text = src.lineText(line).replace('\t', ' ');
            int from = Math.min(d.range().start().column(), text.length());
            int to =
                d.range().end().line() == line
                    ? Math.min(
                        Math.max(d.range().end().column(), from + 1),
                        Math.max(text.length(), from + 1))
                    : Math.max(text.length(), from + 1);
            out.write("  " + text + "\n");
            out.write(
                "  "
                    + " ".repeat(from)
                    + paint(
                        severityColor(d.severity()), "^" + "~".repeat(Math.max(0, to - from - 1)))
                    + "\n");
          }
          if (d.image().isPresent() && !d.image().get().path().isEmpty()) {
            out.write("  in image: " + d.image().get().path() + "\n");
          }
          if (d.image().isPresent() && d.image().get().found().isPresent()) {
            out.write(
                "  found: "
                    + d.image().get().found().get()
                    + ", expected: "
                    + d.image().get().expected().orElse("")
                    + "\n");
          }
          if (d.predicts().isPresent()) {
            out.write("  predicts: " + d.predicts().get().text() + "\n");
          }
          if (!d.fixes().isEmpty()) {
            Fix f = d.fixes().get(0);
            if (f.applicability() == Applicability.SAFE) {
              fixable++;
            }
            out.write(
                "  fix: "
                    + f.title()
                    + switch (f.applicability()) {
                      case SAFE -> " (--fix)";
                      case UNSAFE -> " (--fix --unsafe-fixes)";
                      case DISPLAY_ONLY -> " (by hand)";
                    }
                    + "\n");
          }
        }
      }
      int unreadable = (int) results.stream().filter(r -> r.error().isPresent()).count();
      int files = results.size() - unreadable;
      out.write(
          (errors + others == 0
                  ? "No problems"
                  : (errors + others)
                      + " problem"
                      + (errors + others == 1 ? "" : "s")
                      + " ("
                      + errors
                      + " error"
                      + (errors == 1 ? "" : "s")
                      + ")")
              + " in "
              + files
              + " file"
              + (files == 1 ? "" : "s")
              + (fixable == 0 ? "" : "; " + fixable + " fixable with --fix")
              + (unreadable == 0
                  ? ""
                  : "; " + unreadable + (unreadable == 1 ? " was" : " were") + " not read")
              + "\n");
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String severityColor(Severity s) {
    return switch (s) {
      case ERROR -> "31";
      case WARNING -> "33";
      case INFO -> "36";
      case STYLE -> "2";
    };
  }

  private String paint(String code, String text) {
    return color ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }
}
