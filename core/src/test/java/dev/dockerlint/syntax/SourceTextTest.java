package dev.dockerlint.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ranges hold lines and columns; the offsets they cover come from the text they are read against.
 */
class SourceTextTest {

  private static Position at(int line, int column) {
    return new Position(line, column);
  }

  @Test
  void everyOffsetHasAPositionThatLeadsBackToIt() {
    for (String text :
        List.of(
            "",
            "FROM a\n",
            "FROM a\r\nRUN b\r\n",
            "\uFEFFFROM a\nRUN b",
            "LABEL x=\"\uD83D\uDE00\" y=1\n",
            "FROM a\n\n\nRUN \\\n  b")) {
      SourceText src = new SourceText(text);
      for (int offset = 0; offset <= text.length(); offset++) {
        assertThat(src.offset(src.position(offset))).as("%d in %s", offset, text).isEqualTo(offset);
      }
    }
  }

  @Test
  void crlfLinesEndBeforeTheirNewlineAndKeepTheCarriageReturnInTheirColumns() {
    SourceText src = new SourceText("FROM a\r\nRUN b\r\n");
    assertThat(src.offset(at(1, 0))).isEqualTo(8);
    assertThat(src.position(6)).isEqualTo(at(0, 6));
    assertThat(src.offset(at(0, 99))).isEqualTo(7);
    assertThat(src.lineText(1)).isEqualTo("RUN b");
    Range run = src.lineRange(1);
    assertThat(run).isEqualTo(new Range(at(1, 0), at(1, 5)));
    assertThat(src.startOffset(run)).isEqualTo(8);
    assertThat(src.endOffset(run)).isEqualTo(13);
  }

  @Test
  void aByteOrderMarkIsTheFirstColumnOfTheFirstLine() {
    Dockerfile f = DockerfileReader.parse("\uFEFFFROM alpine\nRUN true\n");
    SourceText src = f.source();
    Range keyword = f.instructions().get(0).keyword().range();
    assertThat(keyword.start()).isEqualTo(at(0, 1));
    assertThat(src.startOffset(keyword)).isEqualTo(1);
    assertThat(src.slice(keyword)).isEqualTo("FROM");
    assertThat(src.startOffset(f.instructions().get(1).range())).isEqualTo(13);
  }

  @Test
  void columnsCountUtf16CodeUnitsSoASurrogatePairTakesTwo() {
    String text = "FROM a\nLABEL x=\"\uD83D\uDE00\" y=1\n";
    Dockerfile f = DockerfileReader.parse(text);
    SourceText src = f.source();
    KeyValue y = ((LabelInstruction) f.instructions().get(1)).pairs().get(1);
    int offset = text.indexOf("y=1");
    assertThat(y.range().start()).isEqualTo(at(1, offset - 7));
    assertThat(y.range().start().column()).isEqualTo(13);
    assertThat(src.startOffset(y.range())).isEqualTo(offset);
    assertThat(src.slice(y.range())).isEqualTo("y=1");
  }

  @Test
  void theLastLineWithoutANewlineEndsAtTheEndOfTheText() {
    String text = "FROM a\nRUN b";
    Dockerfile f = DockerfileReader.parse(text);
    SourceText src = f.source();
    Range run = f.instructions().get(1).range();
    assertThat(run.end()).isEqualTo(at(1, 5));
    assertThat(src.endOffset(run)).isEqualTo(text.length());
    assertThat(src.position(text.length())).isEqualTo(at(1, 5));
    assertThat(src.offset(at(1, 99))).isEqualTo(text.length());
    assertThat(src.offset(at(7, 0))).isEqualTo(text.length());
    assertThat(src.range(0, 99)).isEqualTo(new Range(at(0, 0), at(1, 5)));
  }

  @Test
  void rangesCompareByPosition() {
    Range b = new Range(at(1, 2), at(1, 5));
    assertThat(b.contains(at(1, 2))).isTrue();
    assertThat(b.contains(at(1, 5))).isFalse();
    assertThat(b.touches(at(1, 5))).isTrue();
    assertThat(b.touches(at(2, 0))).isFalse();
    assertThat(b.contains(new Range(at(1, 3), at(1, 5)))).isTrue();
    assertThat(b.contains(new Range(at(0, 9), at(1, 5)))).isFalse();
    assertThat(b.union(new Range(at(0, 9), at(1, 3)))).isEqualTo(new Range(at(0, 9), at(1, 5)));
    assertThat(b.meets(new Range(at(1, 5), at(2, 0)))).isTrue();
    assertThat(b.meets(new Range(at(1, 6), at(2, 0)))).isFalse();
    assertThat(Range.at(at(1, 2)).isEmpty()).isTrue();
    assertThat(b.isEmpty()).isFalse();
  }

  @Test
  void anEditedTextHasTheLineIndexOfTheTextScannedAfresh() {
    java.util.Random random = new java.util.Random(7);
    String[] pieces = {"", "x", "RUN a", "\n", "\r\n", "é", "\\\n", "\uD83D\uDE00", "\n\n"};
    int shortcuts = 0;
    for (int n = 0; n < 5_000; n++) {
      StringBuilder b = new StringBuilder();
      for (int k = random.nextInt(12); k > 0; k--) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = b.toString();
      int start = random.nextInt(text.length() + 1);
      int end = start + random.nextInt(text.length() - start + 1);
      String inserted = pieces[random.nextInt(pieces.length)];
      String after = text.substring(0, start) + inserted + text.substring(end);
      SourceText edited = new SourceText(text).edited(start, end, inserted, after);
      SourceText fresh = new SourceText(after);
      assertThat(edited.text()).isEqualTo(after);
      assertThat(edited.lineCount()).as("%s", after).isEqualTo(fresh.lineCount());
      for (int line = 0; line < fresh.lineCount(); line++) {
        assertThat(edited.lineStart(line))
            .as("line %d of %s", line, after)
            .isEqualTo(fresh.lineStart(line));
      }
      if (!inserted.contains("\n") && !text.substring(start, end).contains("\n")) {
        shortcuts++;
      }
    }
    assertThat(shortcuts).as("edits that move the index instead of scanning").isGreaterThan(1_000);
  }
}
