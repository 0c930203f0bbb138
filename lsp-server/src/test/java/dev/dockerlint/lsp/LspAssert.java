package dev.dockerlint.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.lsp.document.DocumentModel;
import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.semantic.Platform;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/**
 * Builders and checks for provider tests, after lemminx's XMLAssert: {@code d(...)} a diagnostic,
 * {@code ca(...)} a code action, {@code te(...)} a text edit, {@code r(...)} a range, and a {@code
 * |} in a document's text marks the cursor.
 */
public final class LspAssert {
  private LspAssert() {}

  public static final String URI = "file:///work/Dockerfile";
  public static final CancelChecker NEVER = () -> {};

  /** A document and the cursor the {@code |} marked (the start when there is none). */
  public record Cursor(DocumentModel doc, Position position) {}

  /** The document for {@code text}; a {@code |} in it is the cursor and is removed. */
  public static Cursor cursor(String text) {
    int at = text.indexOf('|');
    String t = at < 0 ? text : text.substring(0, at) + text.substring(at + 1);
    DocumentModel doc = doc(t);
    Position p = at < 0 ? new Position(0, 0) : Lsp4j.position(doc.source().position(at));
    return new Cursor(doc, p);
  }

  /** A document as the server holds it, linted for linux/amd64. */
  public static DocumentModel doc(String text) {
    return new DocumentModel(
        URI, 1, text, BuildOptions.defaults().withTargetPlatform(Platform.LINUX_AMD64));
  }

  public static Range r(int line, int character, int endLine, int endCharacter) {
    return new Range(new Position(line, character), new Position(endLine, endCharacter));
  }

  public static Diagnostic d(int line, int character, int endLine, int endCharacter, String code) {
    Diagnostic d = new Diagnostic();
    d.setRange(r(line, character, endLine, endCharacter));
    d.setCode(code);
    return d;
  }

  public static TextEdit te(int line, int character, int endLine, int endCharacter, String text) {
    return new TextEdit(r(line, character, endLine, endCharacter), text);
  }

  public static CodeAction ca(String title, TextEdit... edits) {
    CodeAction a = new CodeAction(title);
    a.setEdit(new WorkspaceEdit(Map.of(URI, List.of(edits))));
    return a;
  }

  /** The diagnostics have exactly these ranges and codes, in any order. */
  public static void assertDiagnostics(List<Diagnostic> actual, Diagnostic... expected) {
    assertThat(actual.stream().map(LspAssert::key).sorted().toList())
        .isEqualTo(List.of(expected).stream().map(LspAssert::key).sorted().toList());
  }

  private static String key(Diagnostic d) {
    return d.getRange() + " " + d.getCode().getLeft();
  }

  /** Among the actions there is one with this title and exactly these edits. */
  public static void assertCodeAction(List<CodeAction> actual, CodeAction expected) {
    Optional<CodeAction> found =
        actual.stream().filter(a -> a.getTitle().equals(expected.getTitle())).findFirst();
    assertThat(found)
        .as(
            "code action '%s' among %s",
            expected.getTitle(), actual.stream().map(CodeAction::getTitle).toList())
        .isPresent();
    assertThat(found.get().getEdit().getChanges().get(URI))
        .isEqualTo(expected.getEdit().getChanges().get(URI));
  }

  /** The text after applying the edits (non-overlapping, any order). */
  public static String apply(String text, List<? extends TextEdit> edits) {
    DocumentModel doc = doc(text);
    List<TextEdit> sorted = new ArrayList<>(edits);
    sorted.sort(
        Comparator.comparingInt(
            (TextEdit e) -> doc.source().offset(Lsp4j.position(e.getRange().getStart()))));
    StringBuilder sb = new StringBuilder();
    int at = 0;
    for (TextEdit e : sorted) {
      int s = doc.source().offset(Lsp4j.position(e.getRange().getStart()));
      int end = doc.source().offset(Lsp4j.position(e.getRange().getEnd()));
      sb.append(text, at, s).append(e.getNewText());
      at = end;
    }
    return sb.append(text.substring(at)).toString();
  }

  /** Position conversions for tests. */
  static final class Lsp4j {
    static Position position(dev.dockerlint.syntax.Position p) {
      return new Position(p.line(), p.column());
    }

    static dev.dockerlint.syntax.Position position(Position p) {
      return new dev.dockerlint.syntax.Position(p.getLine(), p.getCharacter());
    }
  }
}
