package dev.dockerlint.lsp;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticTag;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Writes an LSP diagnostic exactly as Gson's reflective adapter does (the same fields in the same
 * order, nulls left out, the same string escaping), without reflection: publishing the diagnostics
 * of a long file on every keystroke spent most of its time in Gson's field access. Reading is left
 * to the reflective adapter. A field lsp4j adds to {@link Diagnostic} later would be missed here;
 * the test that compares both writers over every field of this lsp4j version would then fail.
 */
final class DiagnosticJson implements TypeAdapterFactory {

  /**
   * The JSON of the diagnostics written lately, by identity: the language server publishes the same
   * diagnostic objects for the stages a keystroke did not reach (see DiagnosticsProvider), and
   * writes each once. Nothing changes a diagnostic once published.
   */
  private final Written written = new Written();

  @Override
  @SuppressWarnings("unchecked")
  public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
    if (type.getRawType() != Diagnostic.class) {
      return null;
    }
    TypeAdapter<Diagnostic> reflective =
        gson.getDelegateAdapter(this, TypeToken.get(Diagnostic.class));
    return (TypeAdapter<T>)
        new TypeAdapter<Diagnostic>() {
          @Override
          public void write(JsonWriter out, Diagnostic d) throws IOException {
            if (d == null) {
              out.nullValue();
              return;
            }
            if (d.getData() != null || out.getSerializeNulls()) {
              fields(out, d); // not kept: data may be any object, and nulls are not written here
              return;
            }
            String json = written.get(d, out.isHtmlSafe());
            if (json == null) {
              StringWriter text = new StringWriter();
              JsonWriter w = new JsonWriter(text);
              w.setLenient(out.isLenient());
              w.setHtmlSafe(out.isHtmlSafe());
              fields(w, d);
              w.flush();
              json = text.toString();
              written.keep(d, out.isHtmlSafe(), json);
            }
            out.jsonValue(json);
          }

          private void fields(JsonWriter out, Diagnostic d) throws IOException {
            out.beginObject();
            if (d.getRange() != null) {
              out.name("range");
              range(out, d.getRange());
            }
            if (d.getSeverity() != null) {
              out.name("severity").value(d.getSeverity().getValue());
            }
            Either<String, Integer> code = d.getCode();
            if (code != null) {
              out.name("code");
              if (code.isLeft()) {
                out.value(code.getLeft());
              } else if (code.isRight()) {
                out.value(code.getRight());
              } else {
                out.nullValue();
              }
            }
            if (d.getCodeDescription() != null) {
              out.name("codeDescription").beginObject();
              if (d.getCodeDescription().getHref() != null) {
                out.name("href").value(d.getCodeDescription().getHref());
              }
              out.endObject();
            }
            if (d.getSource() != null) {
              out.name("source").value(d.getSource());
            }
            if (d.getMessage() != null) {
              out.name("message").value(d.getMessage());
            }
            if (d.getTags() != null) {
              out.name("tags").beginArray();
              for (DiagnosticTag t : d.getTags()) {
                if (t == null) {
                  out.nullValue();
                } else {
                  out.value(t.getValue());
                }
              }
              out.endArray();
            }
            List<DiagnosticRelatedInformation> related = d.getRelatedInformation();
            if (related != null) {
              out.name("relatedInformation").beginArray();
              for (DiagnosticRelatedInformation r : related) {
                related(out, r);
              }
              out.endArray();
            }
            if (d.getData() != null) {
              out.name("data");
              writeAny(gson, out, d.getData());
            }
            out.endObject();
          }

          @Override
          public Diagnostic read(JsonReader in) throws IOException {
            return reflective.read(in);
          }
        };
  }

  @SuppressWarnings("unchecked")
  private static <V> void writeAny(Gson gson, JsonWriter out, V value) throws IOException {
    ((TypeAdapter<V>) gson.getAdapter(value.getClass())).write(out, value);
  }

  private static void related(JsonWriter out, DiagnosticRelatedInformation r) throws IOException {
    if (r == null) {
      out.nullValue();
      return;
    }
    out.beginObject();
    if (r.getLocation() != null) {
      out.name("location").beginObject();
      if (r.getLocation().getUri() != null) {
        out.name("uri").value(r.getLocation().getUri());
      }
      if (r.getLocation().getRange() != null) {
        out.name("range");
        range(out, r.getLocation().getRange());
      }
      out.endObject();
    }
    if (r.getMessage() != null) {
      out.name("message").value(r.getMessage());
    }
    out.endObject();
  }

  private static void range(JsonWriter out, Range r) throws IOException {
    out.beginObject();
    if (r.getStart() != null) {
      out.name("start");
      position(out, r.getStart());
    }
    if (r.getEnd() != null) {
      out.name("end");
      position(out, r.getEnd());
    }
    out.endObject();
  }

  private static void position(JsonWriter out, Position p) throws IOException {
    out.beginObject().name("line").value(p.getLine()).name("character").value(p.getCharacter());
    out.endObject();
  }

  /**
   * The JSON of up to {@value #MAX} diagnostics, forgotten all at once when full: an editor's
   * documents publish a few thousand at most, and those of older versions are dropped with the
   * rest.
   */
  static final class Written {
    static final int MAX = 5_000;

    /** The JSON of a diagnostic, written with or without HTML-safe escapes. */
    private record Json(boolean htmlSafe, String text) {}

    private final Map<Diagnostic, Json> json = new IdentityHashMap<>();

    synchronized String get(Diagnostic d, boolean htmlSafe) {
      Json j = json.get(d);
      return j != null && j.htmlSafe() == htmlSafe ? j.text() : null;
    }

    synchronized void keep(Diagnostic d, boolean htmlSafe, String text) {
      if (json.size() >= MAX) {
        json.clear();
      }
      json.put(d, new Json(htmlSafe, text));
    }

    synchronized int size() {
      return json.size();
    }
  }
}
