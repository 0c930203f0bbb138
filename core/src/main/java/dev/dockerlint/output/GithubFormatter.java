package dev.dockerlint.output;

import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * GitHub Actions workflow commands ({@code ::warning file=...,line=...::message}): each finding
 * becomes an annotation on the pull request's diff. Info and style findings are notices.
 */
public final class GithubFormatter implements Formatter {
  @Override
  public void write(List<FileResult> results, Writer out) {
    try {
      for (FileResult r : results) {
        String file = Formats.relativePath(r.path());
        if (r.error().isPresent()) {
          out.write("::error file=" + property(file) + "::" + data(r.error().get()) + "\n");
        }
        for (Diagnostic d : r.diagnostics()) {
          String level =
              d.severity() == Severity.ERROR
                  ? "error"
                  : d.severity() == Severity.WARNING ? "warning" : "notice";
          StringBuilder sb = new StringBuilder("::").append(level);
          sb.append(" file=").append(property(file));
          sb.append(",line=").append(d.range().start().line() + 1);
          sb.append(",col=").append(d.range().start().column() + 1);
          sb.append(",endLine=").append(d.range().end().line() + 1);
          sb.append(",endColumn=").append(d.range().end().column() + 1);
          sb.append(",title=").append(property(d.rule().code() + " " + d.rule().name()));
          sb.append("::").append(data(d.message())).append('\n');
          out.write(sb.toString());
        }
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Escaping of a command's message, as in @actions/core's escapeData. */
  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Escaping of a command's property value, as in @actions/core's escapeProperty. */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
