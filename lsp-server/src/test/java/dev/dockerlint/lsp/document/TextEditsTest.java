package dev.dockerlint.lsp.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.junit.jupiter.api.Test;

class TextEditsTest {

  private static TextDocumentContentChangeEvent change(int l, int c, int el, int ec, String text) {
    return new TextDocumentContentChangeEvent(
        new Range(new Position(l, c), new Position(el, ec)), text);
  }

  @Test
  void appliesIncrementalChangesInOrder() {
    assertThat(
            TextEdits.apply(
                "FROM a\nRUN x\n", List.of(change(1, 4, 1, 5, "yy"), change(0, 5, 0, 6, "b"))))
        .isEqualTo("FROM b\nRUN yy\n");
  }

  @Test
  void fullChangeReplacesTheText() {
    assertThat(TextEdits.apply("old", List.of(new TextDocumentContentChangeEvent("new"))))
        .isEqualTo("new");
  }

  @Test
  void positionsPastTheEndAreClamped() {
    assertThat(TextEdits.apply("FROM a\n", List.of(change(0, 99, 42, 7, "!"))))
        .isEqualTo("FROM a!");
  }

  @Test
  void negativeAndReversedRangesInsertAtTheStart() {
    assertThat(TextEdits.apply("abc", List.of(change(0, 2, 0, 1, "X")))).isEqualTo("abXc");
    assertThat(TextEdits.apply("abc", List.of(change(-3, -1, -1, -5, "X")))).isEqualTo("Xabc");
  }

  @Test
  void utf16ColumnsCountSurrogatePairsAsTwo() {
    assertThat(TextEdits.apply("# 😀x\n", List.of(change(0, 4, 0, 5, "y")))).isEqualTo("# 😀y\n");
  }
}
