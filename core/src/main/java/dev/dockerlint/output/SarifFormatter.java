package dev.dockerlint.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.Edit;
import dev.dockerlint.rules.Fix;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.rules.Related;
import dev.dockerlint.rules.RuleDocs;
import dev.dockerlint.rules.RuleMeta;
import dev.dockerlint.syntax.Range;
import dev.dockerlint.syntax.SourceText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SARIF 2.1.0, for GitHub code scanning and other SARIF viewers: one run whose driver lists every
 * rule (summary, help page and URI, default level, aliases), one result per finding with its exact
 * region (columns in UTF-16 code units, as in the JSON contract), a stable fingerprint, related
 * locations and fixes as replacements. Files that could not be read are tool execution
 * notifications. Valid against the OASIS SARIF 2.1.0 schema (checked in the tests).
 */
public final class SarifFormatter implements Formatter {
  private static final JsonFactory FACTORY = new JsonFactory();
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private final String toolVersion;
  private final List<RuleMeta> rules;

  public SarifFormatter(String toolVersion, List<RuleMeta> rules) {
    this.toolVersion = toolVersion;
    this.rules = List.copyOf(rules);
  }

  @Override
  public void write(List<FileResult> results, Writer out) {
    Map<String, Integer> index = new LinkedHashMap<>();
    Map<String, RuleMeta> metas = new LinkedHashMap<>();
    for (RuleMeta m : rules) {
      metas.putIfAbsent(m.code(), m);
    }
    for (FileResult r : results) {
      for (Diagnostic d : r.diagnostics()) {
        metas.putIfAbsent(d.rule().code(), d.rule());
      }
    }
    metas.keySet().forEach(c -> index.put(c, index.size()));
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("$schema", SCHEMA);
      g.writeStringField("version", "2.1.0");
      g.writeArrayFieldStart("runs");
      g.writeStartObject();
      tool(g, metas.values());
      g.writeArrayFieldStart("invocations");
      g.writeStartObject();
      boolean failed = results.stream().anyMatch(r -> r.error().isPresent());
      g.writeBooleanField("executionSuccessful", true);
      if (failed) {
        g.writeArrayFieldStart("toolExecutionNotifications");
        for (FileResult r : results) {
          if (r.error().isPresent()) {
            g.writeStartObject();
            g.writeStringField("level", "error");
            message(g, r.error().get());
            g.writeArrayFieldStart("locations");
            g.writeStartObject();
            g.writeObjectFieldStart("physicalLocation");
            artifact(g, r.path());
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
          }
        }
        g.writeEndArray();
      }
      g.writeEndObject();
      g.writeEndArray();
      g.writeStringField("columnKind", "utf16CodeUnits");
      g.writeArrayFieldStart("results");
      for (FileResult r : results) {
        SourceText src = new SourceText(r.source().orElse(""));
        Map<String, Integer> seen = new HashMap<>();
        for (Diagnostic d : r.diagnostics()) {
          result(g, r.path(), src, d, index.get(d.rule().code()), seen);
        }
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
      g.flush();
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void tool(JsonGenerator g, Iterable<RuleMeta> metas) throws IOException {
    g.writeObjectFieldStart("tool");
    g.writeObjectFieldStart("driver");
    g.writeStringField("name", "dockerlint");
    g.writeStringField("version", toolVersion);
    g.writeStringField("informationUri", "https://dockerlint.dev");
    g.writeArrayFieldStart("rules");
    for (RuleMeta m : metas) {
      g.writeStartObject();
      g.writeStringField("id", m.code());
      g.writeStringField("name", m.name());
      g.writeObjectFieldStart("shortDescription");
      g.writeStringField("text", m.summary());
      g.writeEndObject();
      g.writeStringField("helpUri", m.docUrl());
      var doc = RuleDocs.markdown(m);
      if (doc.isPresent()) {
        g.writeObjectFieldStart("help");
        g.writeStringField("text", doc.get());
        g.writeStringField("markdown", doc.get());
        g.writeEndObject();
      }
      g.writeObjectFieldStart("defaultConfiguration");
      g.writeStringField("level", level(m.severity()));
      g.writeEndObject();
      g.writeObjectFieldStart("properties");
      g.writeStringField("severity", m.severity().id());
      g.writeStringField("fixable", m.fix().name().toLowerCase(Locale.ROOT));
      g.writeArrayFieldStart("aliases");
      for (String a : m.aliases()) {
        g.writeString(a);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("predicts");
      for (Predicts p : m.predicts()) {
        g.writeString(p.text());
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void result(
      JsonGenerator g,
      String path,
      SourceText src,
      Diagnostic d,
      int ruleIndex,
      Map<String, Integer> seen)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("ruleId", d.rule().code());
    g.writeNumberField("ruleIndex", ruleIndex);
    g.writeStringField("level", level(d.severity()));
    message(g, d.message());
    g.writeArrayFieldStart("locations");
    g.writeStartObject();
    g.writeObjectFieldStart("physicalLocation");
    artifact(g, path);
    region(g, "region", d.range());
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndArray();
    int line = d.range().start().line();
    String text = line < src.lineCount() ? src.lineText(line).strip() : "";
    int n = seen.merge(d.rule().code() + "\0" + text, 1, Integer::sum) - 1;
    g.writeObjectFieldStart("partialFingerprints");
    g.writeStringField(
        "dockerlintFingerprint/v1",
        GitlabFormatter.fingerprint(Formats.relativePath(path), d.rule().code(), text, n));
    g.writeEndObject();
    if (!d.related().isEmpty()) {
      g.writeArrayFieldStart("relatedLocations");
      int id = 0;
      for (Related rel : d.related()) {
        g.writeStartObject();
        g.writeNumberField("id", id++);
        g.writeObjectFieldStart("physicalLocation");
        artifact(g, path);
        region(g, "region", rel.range());
        g.writeEndObject();
        message(g, rel.message());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    if (!d.fixes().isEmpty()) {
      g.writeArrayFieldStart("fixes");
      for (Fix f : d.fixes()) {
        g.writeStartObject();
        g.writeObjectFieldStart("description");
        g.writeStringField("text", f.title());
        g.writeEndObject();
        g.writeArrayFieldStart("artifactChanges");
        g.writeStartObject();
        artifact(g, path);
        g.writeArrayFieldStart("replacements");
        for (Edit e : f.edits()) {
          g.writeStartObject();
          region(g, "deletedRegion", e.range());
          g.writeObjectFieldStart("insertedContent");
          g.writeStringField("text", e.replacement());
          g.writeEndObject();
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeObjectFieldStart("properties");
        g.writeStringField("applicability", f.applicability().name().toLowerCase(Locale.ROOT));
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeObjectFieldStart("properties");
    g.writeStringField("name", d.rule().name());
    g.writeStringField("severity", d.severity().id());
    if (d.predicts().isPresent()) {
      g.writeStringField("predicts", d.predicts().get().text());
    }
    if (d.image().isPresent()) {
      g.writeStringField("image", d.image().get().image());
      g.writeStringField("platform", d.image().get().platform());
      g.writeStringField("pathInImage", d.image().get().path());
      if (d.image().get().found().isPresent()) {
        g.writeStringField("foundPlatform", d.image().get().found().get());
      }
      if (d.image().get().expected().isPresent()) {
        g.writeStringField("expectedPlatform", d.image().get().expected().get());
      }
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void message(JsonGenerator g, String text) throws IOException {
    g.writeObjectFieldStart("message");
    g.writeStringField("text", text);
    g.writeEndObject();
  }

  private static void artifact(JsonGenerator g, String path) throws IOException {
    g.writeObjectFieldStart("artifactLocation");
    String p = Formats.relativePath(path);
    if (p.startsWith("/")) {
      g.writeStringField("uri", java.nio.file.Path.of(p).toUri().toString());
    } else {
      g.writeStringField("uri", uriPath(p));
      g.writeStringField("uriBaseId", "%SRCROOT%");
    }
    g.writeEndObject();
  }

  /** Percent-encodes what a relative URI reference cannot hold as is. */
  private static String uriPath(String p) {
    StringBuilder sb = new StringBuilder();
    for (byte b : p.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~/!$&'()*+,;=@".indexOf(c) >= 0) {
        sb.append((char) c);
      } else {
        sb.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return sb.toString();
  }

  private static void region(JsonGenerator g, String name, Range r) throws IOException {
    g.writeObjectFieldStart(name);
    g.writeNumberField("startLine", r.start().line() + 1);
    g.writeNumberField("startColumn", r.start().column() + 1);
    g.writeNumberField("endLine", r.end().line() + 1);
    g.writeNumberField("endColumn", r.end().column() + 1);
    g.writeEndObject();
  }

  private static String level(dev.dockerlint.rules.Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO, STYLE -> "note";
    };
  }
}
