package dev.dockerlint.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.syntax.SourceText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * GitLab's Code Quality report (a JSON array of issues), shown in merge requests. The fingerprint
 * hashes the path, the rule and the text of the flagged line (plus a counter for repeats), not the
 * line number, so a finding keeps its identity when lines are added above it and GitLab does not
 * report it as fixed and new again.
 */
public final class GitlabFormatter implements Formatter {
  private static final JsonFactory FACTORY = new JsonFactory();

  @Override
  public void write(List<FileResult> results, Writer out) {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartArray();
      for (FileResult r : results) {
        String path = Formats.relativePath(r.path());
        SourceText src = new SourceText(r.source().orElse(""));
        Map<String, Integer> seen = new HashMap<>();
        if (r.error().isPresent()) {
          issue(
              g,
              r.error().get(),
              "dockerlint",
              "blocker",
              path,
              1,
              1,
              fingerprint(path, "error", r.error().get(), 0));
        }
        for (Diagnostic d : r.diagnostics()) {
          int line = d.range().start().line();
          String text = line < src.lineCount() ? src.lineText(line).strip() : "";
          String key = d.rule().code() + "\0" + text;
          int n = seen.merge(key, 1, Integer::sum) - 1;
          issue(
              g,
              d.message(),
              d.rule().code() + " " + d.rule().name(),
              severity(d),
              path,
              line + 1,
              d.range().end().line() + 1,
              fingerprint(path, d.rule().code(), text, n));
        }
      }
      g.writeEndArray();
      g.flush();
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void issue(
      JsonGenerator g,
      String description,
      String check,
      String severity,
      String path,
      int begin,
      int end,
      String fingerprint)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "issue");
    g.writeStringField("description", description);
    g.writeStringField("check_name", check);
    g.writeArrayFieldStart("categories");
    g.writeString("Bug Risk");
    g.writeEndArray();
    g.writeStringField("severity", severity);
    g.writeStringField("fingerprint", fingerprint);
    g.writeObjectFieldStart("location");
    g.writeStringField("path", path);
    g.writeObjectFieldStart("lines");
    g.writeNumberField("begin", begin);
    g.writeNumberField("end", Math.max(begin, end));
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndObject();
  }

  private static String severity(Diagnostic d) {
    return switch (d.severity()) {
      case ERROR -> "blocker";
      case WARNING -> "major";
      case INFO -> "info";
      case STYLE -> "minor";
    };
  }

  static String fingerprint(String path, String code, String lineText, int occurrence) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(
          (path + "\0" + code + "\0" + lineText + "\0" + occurrence)
              .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(md.digest()).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
