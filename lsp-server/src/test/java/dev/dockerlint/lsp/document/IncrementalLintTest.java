package dev.dockerlint.lsp.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.engine.Linter;
import dev.dockerlint.engine.Report;
import dev.dockerlint.image.ImageMetadataSource;
import dev.dockerlint.lsp.Corpus;
import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.RuleMeta;
import dev.dockerlint.semantic.BuildOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A document linted version after version, as the language server does (incremental parses, and
 * whatever one version's lint leaves for the next), reports exactly what a lint of its text from
 * scratch reports.
 */
class IncrementalLintTest {

  private static final Linter LINTER = Linter.builtIn();
  private static final ImageMetadataSource NO_IMAGES = ImageMetadataSource.none("not in tests");

  @TempDir Path tmp;

  /** Stages that read variables in RUN scripts and copy from one another. */
  private static final String STAGES =
      """
      ARG BASE=alpine
      FROM $BASE AS tools
      ENV DIR=/opt/tools BIN=/usr/local/bin
      WORKDIR $DIR
      RUN mkdir -p $DIR/bin && cd $DIR && touch run.sh && chmod +x run.sh
      RUN ln -s $DIR/run.sh $BIN/tool && rm -f /bin/sh
      SHELL ["/bin/bash", "-c"]
      RUN echo ${DIR:-/x} > /etc/tools
      FROM tools AS app
      ARG MODE=prod
      ENV PATH=$DIR/bin:$PATH
      RUN sh -c "cp $DIR/run.sh /app-$MODE" && $BIN/tool
      COPY --from=tools $DIR/run.sh /usr/bin/
      CMD ["tool", "serve"]
      FROM scratch AS final
      COPY --from=app /app-prod /app
      ENTRYPOINT ["/app"]
      FROM app
      RUN cat /etc/tools && missing-command --flag
      """;

  @Test
  void reportsAfterRandomEditsEqualReportsOfTheWholeText() throws IOException {
    Random random = new Random(6);
    int versions = 0;
    int incremental = 0;
    for (Path file : files()) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      DocumentModel doc =
          new DocumentModel(file.toUri().toString(), 1, text, BuildOptions.defaults());
      assertSameAsFreshLint(doc);
      for (int k = 0; k < 20; k++) {
        IncrementalParse.Change c = randomEdit(doc.text(), random);
        DocumentModel before = doc;
        doc = doc.edited(doc.version() + 1, c);
        if (IncrementalParse.apply(before.file(), doc.text(), c).isPresent()) {
          incremental++;
        }
        assertSameAsFreshLint(doc);
        versions++;
      }
    }
    assertThat(versions).isGreaterThan(500);
    assertThat(incremental).isGreaterThan(versions / 3);
  }

  /**
   * A line break typed at the end of every line, and deleted again: the stages below it move, and
   * those the edit does not otherwise reach keep what was found in them, moved along (a rule whose
   * message names a line finds it again).
   */
  @Test
  void lineBreaksTypedAndDeletedEverywhereReportWhatAFreshLintReports() {
    String text =
        STAGES
            + """
            FROM alpine AS more
            RUN rm -f /bin/sh
            RUN echo more
            CMD echo shell form
            """;
    DocumentModel doc = new DocumentModel(NO_CONTEXT, 1, text, BuildOptions.defaults());
    assertSameAsFreshLint(doc);
    int moved = 0;
    for (int line = 1; line < doc.source().lineCount() - 1; line++) {
      int at = doc.source().lineEnd(line);
      DocumentModel broken =
          doc.edited(doc.version() + 1, new IncrementalParse.Change(at, at, "\n"));
      assertSameAsFreshLint(broken);
      moved +=
          (int)
              broken.model().stages().stream()
                  .filter(s -> broken.model().movedFrom(s).isPresent())
                  .count();
      doc = broken.edited(broken.version() + 1, new IncrementalParse.Change(at, at + 1, ""));
      assertSameAsFreshLint(doc);
      assertThat(doc.text()).isEqualTo(text);
    }
    assertThat(moved).as("stages moved by the line breaks").isGreaterThan(5);
  }

  /** Build and run stages that read global ARGs and each other's files. */
  private static final String PAIRS =
      """
      ARG GO=1.22
      ARG BASE=alpine:3.20
      FROM golang:${GO} AS build0
      ARG GO
      ENV V=$GO
      WORKDIR /src
      RUN echo $V > /v && mkdir -p /out && touch /out/app
      FROM ${BASE} AS run0
      COPY --from=build0 /out/app /usr/local/bin/app
      ENTRYPOINT ["/usr/local/bin/app"]
      FROM build0 AS build1
      ENV W=$V-1
      RUN cp /v /w
      FROM scratch AS run1
      COPY --from=build1 /w /w
      COPY --from=run0 /usr/local/bin/app /app
      ENTRYPOINT ["/app"]
      """;

  /**
   * Edits whose effect reaches past the edited stage: an ARG or ENV value a later stage reads, a
   * stage renamed under a COPY --from or FROM that names it, stages added and removed, text moved
   * from one stage to another, global ARGs, files a later stage copies. With and without a build
   * context (a context copy is taken over only without one).
   */
  @Test
  void editsThatReachOtherStagesReportWhatAFreshLintReports() {
    for (String uri : List.of(tmp.resolve("Dockerfile").toUri().toString(), NO_CONTEXT)) {
      DocumentModel doc = new DocumentModel(uri, 1, PAIRS, BuildOptions.defaults());
      assertSameAsFreshLint(doc);
      doc = typed(doc, "ENV V=$GO", "x");
      doc = replaced(doc, "ENV V=$GOx", "ENV V=$GO");
      doc = replaced(doc, "GO=1.22", "GO=1.23");
      doc = replaced(doc, "ARG BASE=alpine:3.20", "ARG BASE=scratch");
      doc = replaced(doc, "AS build1", "AS build2");
      doc = replaced(doc, "AS build2", "AS build1");
      doc = replaced(doc, "FROM build0 AS", "FROM build9 AS");
      doc = replaced(doc, "FROM build9 AS", "FROM build0 AS");
      doc = replaced(doc, "--from=run0", "--from=run9");
      doc = replaced(doc, "--from=run9", "--from=run0");
      doc =
          replaced(
              doc,
              "FROM build0 AS build1\n",
              "FROM scratch AS extra\nCOPY --from=build0 /v /v\nFROM build0 AS build1\n");
      doc = replaced(doc, "FROM scratch AS extra\nCOPY --from=build0 /v /v\n", "");
      doc = replaced(doc, "RUN cp /v /w\n", "");
      doc = replaced(doc, "COPY --from=build1 /w /w\n", "COPY --from=build1 /w /w\nRUN cp /v /w\n");
      doc = replaced(doc, "FROM scratch AS run1", "RUN rm -f /w /bin/sh");
      doc = replaced(doc, "RUN rm -f /w /bin/sh", "FROM scratch AS run1");
      doc = replaced(doc, "RUN echo $V", "RUN rm -f /bin/sh && echo $V");
      doc = replaced(doc, "/usr/local/bin/app\"]", "/usr/local/bin/ap\"]");
      doc = typed(doc, "WORKDIR /src", "/sub");
      doc = replaced(doc, "ENV W=$V-1", "ENV W=$V-1 PATH=/nowhere");
    }
  }

  /**
   * The rules that judge the whole file from what they keep per stage: the keyword casing of the
   * majority (a stage's keywords change it for the others), the default of a global ARG a FROM
   * names, labels and EXPOSE ports.
   */
  @Test
  void casingDefaultArgLabelAndPortEditsReportWhatAFreshLintReports() {
    String text =
        """
        ARG IMG=alpine:3.20
        FROM $IMG AS a
        RUN echo a
        LABEL org.example.a=1
        from alpine:3.20 AS b
        expose 80/tcp
        FROM ${IMG} AS c
        run echo c
        EXPOSE 8080
        """;
    DocumentModel doc = new DocumentModel(NO_CONTEXT, 1, text, BuildOptions.defaults());
    assertSameAsFreshLint(doc);
    doc = replaced(doc, "run echo c", "RUN echo c");
    doc = replaced(doc, "from alpine:3.20 AS b", "FROM alpine:3.20 AS b");
    doc = replaced(doc, "FROM alpine:3.20 AS b", "From alpine:3.20 AS b");
    doc = replaced(doc, "expose 80/tcp", "EXPOSE 80/TCP");
    doc = replaced(doc, "EXPOSE 8080", "EXPOSE 127.0.0.1:8080:8080");
    doc = replaced(doc, "org.example.a=1", "Org.Example.A=1");
    doc = replaced(doc, "ARG IMG=alpine:3.20", "ARG IMG=Alpine:3.20");
    doc = replaced(doc, "ARG IMG=Alpine:3.20", "ARG IMG=alpine:3.20");
    doc = typed(doc, "RUN echo a", " && FROM");
    doc = replaced(doc, "FROM $IMG AS a", "FROM $IMG:bad:tag AS a");
  }

  /** A file name in a folder that does not exist: no build context. */
  private static final String NO_CONTEXT = "file:///no-such-folder/Dockerfile";

  @Test
  void anEditInALaterStageKeepsTheStagesBeforeIt() {
    DocumentModel doc = new DocumentModel(NO_CONTEXT, 1, PAIRS, BuildOptions.defaults());
    assertSameAsFreshLint(doc);
    DocumentModel next = typed(doc, "ENV W=$V-1", "x");
    assertThat(next.model().stages().subList(0, 2))
        .containsExactlyElementsOf(doc.model().stages().subList(0, 2));
    assertThat(next.model().stages().get(2)).isNotSameAs(doc.model().stages().get(2));
  }

  @Test
  void editsLintedTogetherStillKeepTheStagesBeforeThem() {
    DocumentModel doc = new DocumentModel(NO_CONTEXT, 1, PAIRS, BuildOptions.defaults());
    assertSameAsFreshLint(doc);
    int end = doc.text().indexOf("ENV W=$V-1") + "ENV W=$V-1".length();
    DocumentModel next = doc;
    for (String typed : List.of("x", "y", "z")) {
      // three keystrokes arrive while a lint runs: the versions between are never parsed
      next = next.edited(next.version() + 1, new IncrementalParse.Change(end, end, typed));
      end++;
    }

    assertSameAsFreshLint(next);
    assertThat(next.text()).contains("ENV W=$V-1xyz");
    assertThat(next.model().stages().subList(0, 2))
        .containsExactlyElementsOf(doc.model().stages().subList(0, 2));
  }

  @Test
  void burstsOfRandomEditsLintedTogetherReportWhatAFreshLintReports() throws IOException {
    Random random = new Random(8);
    List<Path> some = files().subList(0, 8);
    for (Path file : some) {
      DocumentModel doc =
          new DocumentModel(
              file.toUri().toString(),
              1,
              Files.readString(file, StandardCharsets.UTF_8),
              BuildOptions.defaults());
      assertSameAsFreshLint(doc);
      for (int burst = 0; burst < 8; burst++) {
        for (int k = 1 + random.nextInt(4); k > 0; k--) {
          doc = doc.edited(doc.version() + 1, randomEdit(doc.text(), random));
        }
        assertSameAsFreshLint(doc);
      }
    }
  }

  /** {@code typed} after the first {@code at}, one character at a time, linted after each. */
  private static DocumentModel typed(DocumentModel doc, String at, String typed) {
    int end = doc.text().indexOf(at) + at.length();
    for (int k = 0; k < typed.length(); k++) {
      doc =
          doc.edited(
              doc.version() + 1,
              new IncrementalParse.Change(end + k, end + k, typed.substring(k, k + 1)));
      assertSameAsFreshLint(doc);
    }
    return doc;
  }

  /** The first {@code old} replaced by {@code now} in one change, then linted. */
  private static DocumentModel replaced(DocumentModel doc, String old, String now) {
    int start = doc.text().indexOf(old);
    assertThat(start).as("%s in%n%s", old, doc.text()).isNotNegative();
    doc =
        doc.edited(
            doc.version() + 1, new IncrementalParse.Change(start, start + old.length(), now));
    assertSameAsFreshLint(doc);
    return doc;
  }

  private static void assertSameAsFreshLint(DocumentModel doc) {
    Optional<Path> context = doc.path().map(Path::getParent);
    Report kept =
        doc.report(
            d ->
                LINTER.lint(
                    d.displayPath(),
                    d.model(),
                    context,
                    NO_IMAGES,
                    RuleMeta::enabledByDefault,
                    d.memo()));
    Report fresh = LINTER.lint(doc.displayPath(), doc.text(), doc.options(), context, NO_IMAGES);
    List<Diagnostic> expected = fresh.diagnostics();
    assertThat(kept.diagnostics())
        .as("version %d of %s:%n%s", doc.version(), doc.uri(), doc.text())
        .isEqualTo(expected);
  }

  /** Mostly typing and deleting within a line; sometimes a newline, a comment or a quote. */
  private static IncrementalParse.Change randomEdit(String text, Random random) {
    int start = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
    int roll = random.nextInt(10);
    if (roll < 3 && start < text.length()) {
      int end = Math.min(text.length(), start + 1 + random.nextInt(3));
      return new IncrementalParse.Change(start, end, "");
    }
    List<String> typed =
        roll < 9
            ? List.of("x", "a", "1", " ", "/", "-", "=", "$", "$DIR", "${MODE}", "_", ".", "&&")
            : List.of("\n", "#", "\"", "\\", "\nRUN ls /opt\n", "'");
    return new IncrementalParse.Change(start, start, typed.get(random.nextInt(typed.size())));
  }

  /** Every 50th Dockerfile of the corpus, and {@link #STAGES}. */
  private List<Path> files() throws IOException {
    List<Path> out = new ArrayList<>(Corpus.every(50));
    Path stages = tmp.resolve("Dockerfile");
    Files.writeString(stages, STAGES);
    for (int k = 0; k < 6; k++) {
      out.add(stages);
    }
    return out;
  }
}
