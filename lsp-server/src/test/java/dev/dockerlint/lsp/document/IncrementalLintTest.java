package dev.dockerlint.lsp.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.engine.Linter;
import dev.dockerlint.engine.Report;
import dev.dockerlint.image.ImageMetadataSource;
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
import java.util.stream.Stream;
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
    Path dir = Path.of(System.getProperty("dockerlint.shared", "../shared"), "corpus", "real");
    List<Path> out = new ArrayList<>();
    try (Stream<Path> all = Files.walk(dir)) {
      List<Path> sorted =
          all.filter(Files::isRegularFile)
              .filter(f -> !f.getFileName().toString().equals("MANIFEST.tsv"))
              .sorted()
              .toList();
      for (int k = 0; k < sorted.size(); k += 50) {
        out.add(sorted.get(k));
      }
    }
    assertThat(out).isNotEmpty();
    Path stages = tmp.resolve("Dockerfile");
    Files.writeString(stages, STAGES);
    for (int k = 0; k < 6; k++) {
      out.add(stages);
    }
    return out;
  }
}
