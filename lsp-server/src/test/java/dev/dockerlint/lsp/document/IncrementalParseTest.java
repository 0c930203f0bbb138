package dev.dockerlint.lsp.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.lsp.Corpus;
import dev.dockerlint.syntax.Dockerfile;
import dev.dockerlint.syntax.DockerfileReader;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.LineShift;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IncrementalParseTest {

  private static Optional<Dockerfile> edit(String text, int start, int end, String inserted) {
    String after = text.substring(0, start) + inserted + text.substring(end);
    return IncrementalParse.apply(
        DockerfileReader.parse(text), after, new IncrementalParse.Change(start, end, inserted));
  }

  /** The same tree as a whole parse of the new text. */
  private static void assertSameAsWholeParse(Dockerfile incremental) {
    Dockerfile whole = DockerfileReader.parse(incremental.text());
    assertThat(incremental.instructions()).isEqualTo(whole.instructions());
    assertThat(incremental.comments()).isEqualTo(whole.comments());
    assertThat(incremental.problems()).isEqualTo(whole.problems());
    assertThat(incremental.directives()).isEqualTo(whole.directives());
  }

  @Test
  void typingInsideAnInstructionReparsesOnlyIt() {
    String text =
        "FROM alpine\nRUN echo hi \\\n  && true\nCOPY --from=a x /y\n# c\nMAINTAINER me\n";
    Optional<Dockerfile> d = edit(text, text.indexOf("true"), text.indexOf("true"), "x");
    assertThat(d).isPresent();
    assertSameAsWholeParse(d.get());
  }

  @Test
  void instructionsBeforeTheEditAreKept() {
    String text = "FROM alpine\nRUN a\nRUN b\n";
    Dockerfile old = DockerfileReader.parse(text);
    int at = text.indexOf("b");
    Dockerfile d =
        IncrementalParse.apply(
                old,
                text.substring(0, at) + "c" + text.substring(at + 1),
                new IncrementalParse.Change(at, at + 1, "c"))
            .orElseThrow();
    assertThat(d.instructions().get(0)).isSameAs(old.instructions().get(0));
  }

  @Test
  void everythingAfterTheEditedInstructionIsKeptAsItIs() {
    String text =
        "FROM golang:1.22 AS build\n"
            + "RUN go build -o /app .\n"
            + "# the runtime\n"
            + "FROM alpine:3.20\n"
            + "COPY --from=build /app /app\n"
            + "FROB x\n"
            + "ENTRYPOINT [\"/app\"]\n";
    Dockerfile old = DockerfileReader.parse(text);
    int at = text.indexOf("/app .");
    String newText = text.substring(0, at) + "/usr/local/bin" + text.substring(at + 4);

    Dockerfile d =
        IncrementalParse.apply(
                old, newText, new IncrementalParse.Change(at, at + 4, "/usr/local/bin"))
            .orElseThrow();

    Dockerfile whole = DockerfileReader.parse(newText);
    assertThat(d.instructions().get(1)).isNotSameAs(old.instructions().get(1));
    for (int k = 2; k < whole.instructions().size(); k++) {
      Instruction kept = d.instructions().get(k);
      Instruction fresh = whole.instructions().get(k);
      assertThat(kept).isSameAs(old.instructions().get(k)).isEqualTo(fresh);
      assertThat(d.source().slice(kept.range())).isEqualTo(whole.source().slice(fresh.range()));
      assertThat(d.source().startOffset(kept.range()))
          .isEqualTo(whole.source().startOffset(fresh.range()))
          .isEqualTo(old.source().startOffset(kept.range()) + 10);
    }
    assertThat(d.comments()).singleElement().isSameAs(old.comments().get(0));
    assertThat(d.problems()).singleElement().isSameAs(old.problems().get(0));
    assertSameAsWholeParse(d);
  }

  @Test
  void aLineBreakMovesTheInstructionsAfterIt() {
    String text = "FROM alpine\nENV A=1\n# run it\nRUN a\nRUNN b\n";
    Dockerfile old = DockerfileReader.parse(text);
    int at = text.indexOf("A=1") + 3;

    IncrementalParse.Parsed p =
        IncrementalParse.parse(
                old,
                text.substring(0, at) + "\n" + text.substring(at),
                new IncrementalParse.Change(at, at, "\n"))
            .orElseThrow();

    assertSameAsWholeParse(p.file());
    assertThat(p.file().instructions().get(0)).isSameAs(old.instructions().get(0));
    assertThat(p.shift()).isEqualTo(new LineShift(2, 2, 1));
    Instruction run = p.file().instructions().get(2);
    assertThat(p.shift().earlier(old.instructions(), 2)).isSameAs(old.instructions().get(2));
    assertThat(run.range().start().line()).isEqualTo(4);
    assertThat(p.file().comments().get(0).range().start().line()).isEqualTo(3);
    assertThat(p.file().problems().get(0).range().start().line()).isEqualTo(5);
  }

  @Test
  void joiningLinesMovesTheInstructionsAfterThemUp() {
    String text = "FROM alpine\nRUN a\n\n\nRUN b\nRUN c\n";
    int at = text.indexOf("\n\n");
    Dockerfile d = edit(text, at, at + 2, "").orElseThrow();
    assertSameAsWholeParse(d);
    assertThat(d.instructions().get(2).range().start().line()).isEqualTo(2);
  }

  @Test
  void editsBetweenInstructionsAreIncrementalToo() {
    String text = "FROM alpine\nRUN a\n\nRUN b\n";
    int blank = text.indexOf("\n\n") + 1;
    assertSameAsWholeParse(edit(text, blank, blank, "# a comment").orElseThrow());
    assertSameAsWholeParse(edit(text, blank, blank, "RUN new\nRUN newer").orElseThrow());
    assertSameAsWholeParse(edit(text, 12, 12, "#").orElseThrow());
  }

  @Test
  void typingInAHeredocReparsesItsInstruction() {
    String text = "FROM alpine\nRUN <<EOF\necho\nEOF\nRUN b\n";
    assertSameAsWholeParse(edit(text, 22, 22, "x").orElseThrow());
    assertSameAsWholeParse(edit(text, 22, 22, "\nmore").orElseThrow());
    // the body's end marker removed: the heredoc would run on past its lines
    assertThat(edit(text, text.indexOf("EOF\nRUN"), text.indexOf("EOF\nRUN") + 1, "")).isEmpty();
  }

  @Test
  void aHalfTypedInstructionDoesNotStopTheNextEditFromBeingIncremental() {
    String text = "FROM alpine\nRUN a\nRUN b\n";
    int at = text.indexOf("RUN b");
    Dockerfile typing = edit(text, at, at, "ENV A\n").orElseThrow();
    assertThat(typing.hasFatalProblem()).as("ENV without a value").isTrue();
    assertSameAsWholeParse(typing);
    String next = typing.text().replace("ENV A\n", "ENV A=\n");
    Dockerfile typed =
        IncrementalParse.apply(typing, next, new IncrementalParse.Change(at + 5, at + 5, "="))
            .orElseThrow();
    assertSameAsWholeParse(typed);
    assertThat(typed.hasFatalProblem()).isFalse();
  }

  @Test
  void editsThatChangeHowTheRestParsesNeedAWholeParse() {
    String text = "FROM alpine\nRUN a\nRUN b\n";
    // the line now continues into the next instruction
    assertThat(edit(text, 17, 17, " \\")).isEmpty();
    // a heredoc that does not end in the lines re-parsed
    assertThat(edit(text, 17, 17, " <<EOF")).isEmpty();
    // the lines before the first instruction hold the parser directives
    assertThat(edit("# escape=\\\n\nFROM a\n", 11, 11, "# x")).isEmpty();
    // with CRLF line ends too
    String crlf = "FROM alpine\r\nRUN a\r\nRUN b\r\n";
    assertThat(edit(crlf, 18, 18, " \\")).isEmpty();
    // a continuation runs on over blank and comment lines
    assertThat(edit("FROM a\nRUN a\n\n# c\nRUN b\n", 12, 12, " \\")).isEmpty();
    assertThat(edit("FROM a\nRUN a \\\n", 15, 15, "\n\n# c\nx")).isEmpty();
    assertThat(edit(text, 0, 0, "#")).isEmpty();
  }

  @Test
  void matchesAWholeParseOnRandomEditsOfRealDockerfiles() throws IOException {
    List<String> texts = corpus();
    Random random = new Random(42);
    int applied = 0;
    for (String text : texts) {
      for (int k = 0; k < 6 && !text.isEmpty(); k++) {
        int start = random.nextInt(text.length());
        int end = Math.min(text.length(), start + (k % 3 == 1 ? 1 + random.nextInt(4) : 0));
        String inserted =
            k % 3 == 2
                ? ""
                : List.of(
                        "x",
                        " ",
                        "=",
                        "$A",
                        "\"",
                        "--from=b ",
                        "\n",
                        "\n\n",
                        "#",
                        "\\",
                        " \\\n",
                        "\nRUN ls\n",
                        "<<EOF\nx\nEOF\n",
                        "<<EOF",
                        "\nENV A",
                        "\nLABEL a b",
                        "\nCMD [\"a\", 1]",
                        "[1]")
                    .get(random.nextInt(18));
        if (start == end && inserted.isEmpty()) {
          continue;
        }
        Optional<Dockerfile> d = edit(text, start, end, inserted);
        if (d.isPresent()) {
          applied++;
          assertSameAsWholeParse(d.get());
        }
      }
    }
    assertThat(applied).isGreaterThan(texts.size());
  }

  private static String applied(String text, IncrementalParse.Change c) {
    return text.substring(0, c.start()) + c.inserted() + text.substring(c.end());
  }

  private static IncrementalParse.Change anyChange(String text, Random random) {
    int start = random.nextInt(text.length() + 1);
    int end = start + random.nextInt(Math.min(4, text.length() - start) + 1);
    String inserted = List.of("", "x", "ab", "\n", "RUN ls\n", "$X").get(random.nextInt(6));
    return new IncrementalParse.Change(start, end, inserted);
  }

  @Test
  void twoChangesTakenAsOneMakeTheSameText() {
    Random random = new Random(11);
    for (int k = 0; k < 20_000; k++) {
      String before = "FROM alpine\nRUN echo hi\n".substring(0, random.nextInt(24));
      IncrementalParse.Change first = anyChange(before, random);
      String middle = applied(before, first);
      IncrementalParse.Change second = anyChange(middle, random);
      String after = applied(middle, second);

      IncrementalParse.Change both = first.then(second, after);

      assertThat(applied(before, both))
          .as("%s then %s on '%s'", first, second, before)
          .isEqualTo(after);
      assertThat(both.start()).isEqualTo(Math.min(first.start(), second.start()));
    }
  }

  @Test
  void twoKeystrokesTakenAsOneSpanJustWhatTheyTyped() {
    String before = "FROM alpine\nENV A=1\n";
    int at = before.indexOf("=1") + 2;
    IncrementalParse.Change x = new IncrementalParse.Change(at, at, "x");
    IncrementalParse.Change y = new IncrementalParse.Change(at + 1, at + 1, "y");

    IncrementalParse.Change both = x.then(y, "FROM alpine\nENV A=1xy\n");

    assertThat(both).isEqualTo(new IncrementalParse.Change(at, at, "xy"));
    Optional<Dockerfile> parsed =
        IncrementalParse.apply(DockerfileReader.parse(before), "FROM alpine\nENV A=1xy\n", both);
    assertThat(parsed).isPresent();
    assertSameAsWholeParse(parsed.get());
  }

  private static List<String> corpus() throws IOException {
    List<String> out = new ArrayList<>();
    for (Path p : Corpus.files().subList(0, 300)) {
      byte[] b = Files.readAllBytes(p);
      if (b.length < 200_000) {
        String text = new String(b, StandardCharsets.UTF_8);
        out.add(text);
        if (out.size() % 10 == 0 && !text.contains("\r")) {
          out.add(text.replace("\n", "\r\n")); // the same file with CRLF line ends
        }
      }
    }
    out.add(
        "FROM alpine AS a\nARG V=1\nENV A=$V B=2\nRUN --mount=type=cache,target=/x apk add \\\n  curl\n"
            + "COPY --from=a [\"a\", \"/b\"]\nLABEL a=b\nEXPOSE 80\nUSER 1\nWORKDIR /w\n"
            + "ONBUILD RUN x\nHEALTHCHECK --interval=5s CMD [\"x\"]\nSHELL [\"/bin/sh\", \"-c\"]\n"
            + "STOPSIGNAL SIGTERM\nVOLUME /data\nENTRYPOINT [\"/e\"]\nCMD x\nMAINTAINER me\n");
    return out;
  }
}
