package dev.dockerlint.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.ImagePlace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * The machine-readable contract: exactly one JSON document, {@code
 * {"files":[{"path":...,"diagnostics":[...]}]}}. Lines and columns are 1-based; {@code endColumn}
 * is the column just after the last character. A file that could not be read carries an {@code
 * error} message instead of diagnostics. A diagnostic about a built image ({@code dockerlint
 * image}) also has {@code image}: the image, its platform, the path inside it and, for a binary of
 * another architecture, the {@code found} and {@code expected} platforms. Field names and meanings
 * are stable.
 */
public final class JsonFormatter implements Formatter {
  private static final JsonFactory FACTORY = new JsonFactory();

  @Override
  public void write(List<FileResult> results, Writer out) {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeArrayFieldStart("files");
      for (FileResult r : results) {
        g.writeStartObject();
        g.writeStringField("path", r.path());
        if (r.error().isPresent()) {
          g.writeStringField("error", r.error().get());
        }
        g.writeArrayFieldStart("diagnostics");
        for (Diagnostic d : r.diagnostics()) {
          diagnostic(g, d);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.flush();
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void diagnostic(JsonGenerator g, Diagnostic d) throws IOException {
    g.writeStartObject();
    g.writeStringField("code", d.rule().code());
    g.writeStringField("name", d.rule().name());
    g.writeArrayFieldStart("aliases");
    for (String a : d.rule().aliases()) {
      g.writeString(a);
    }
    g.writeEndArray();
    g.writeStringField("severity", d.severity().id());
    g.writeNumberField("line", d.range().start().line() + 1);
    g.writeNumberField("column", d.range().start().column() + 1);
    g.writeNumberField("endLine", d.range().end().line() + 1);
    g.writeNumberField("endColumn", d.range().end().column() + 1);
    g.writeStringField("message", d.message());
    if (d.predicts().isPresent()) {
      g.writeStringField("predicts", d.predicts().get().text());
    } else {
      g.writeNullField("predicts");
    }
    if (d.image().isPresent()) {
      ImagePlace p = d.image().get();
      g.writeObjectFieldStart("image");
      g.writeStringField("image", p.image());
      g.writeStringField("platform", p.platform());
      g.writeStringField("path", p.path());
      if (p.found().isPresent()) {
        g.writeStringField("found", p.found().get());
      }
      if (p.expected().isPresent()) {
        g.writeStringField("expected", p.expected().get());
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }
}
