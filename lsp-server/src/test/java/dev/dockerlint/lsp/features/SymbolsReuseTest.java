package dev.dockerlint.lsp.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.lsp.Corpus;
import dev.dockerlint.lsp.document.DocumentModel;
import dev.dockerlint.lsp.document.IncrementalParse;
import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.syntax.Position;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The symbol index of a version edited from another takes over the variables of the stages the edit
 * left as they were, and is exactly the index built from nothing.
 */
class SymbolsReuseTest {

  /** Global ARGs, a stage re-declaring them, and ENV inherited by a stage built on another. */
  private static final String STAGES =
      """
      ARG BASE=alpine
      ARG MODE
      FROM $BASE AS tools
      ARG MODE
      ENV DIR=/opt/tools BIN=/usr/local/bin
      WORKDIR $DIR
      RUN echo ${DIR:-/x} $MODE > /etc/tools
      FROM tools AS app
      ARG MODE=prod
      ENV PATH=$DIR/bin:$PATH
      RUN cp $DIR/run.sh /app-$MODE && $BIN/tool $TARGETARCH
      COPY --from=tools $DIR/run.sh /usr/bin/
      FROM scratch AS final
      ARG BASE
      COPY --from=app /app-$BASE /app
      FROM app
      RUN echo $DIR $UNSET
      """;

  @Test
  void aKeystrokeInTheLastStageTakesTheOthersOver() {
    DocumentModel doc = DocumentModel.of(STAGES);
    Symbols before = Symbols.of(doc);
    int at = STAGES.indexOf("$UNSET");
    DocumentModel next = doc.edited(2, new IncrementalParse.Change(at, at, "x"));

    Symbols after = Symbols.of(next);

    assertThat(after.all()).isEqualTo(Symbols.build(next.model()).all());
    Set<Symbols.Occurrence> same = identities(before.all());
    List<String> kept = new ArrayList<>();
    List<String> found = new ArrayList<>();
    for (Symbols.Occurrence o : after.all()) {
      if (o.kind() == Symbols.Kind.VARIABLE) {
        (same.contains(o) ? kept : found).add(o.name());
      }
    }
    // the three stages before the edited one come over; the global ARGs and the edited stage are
    // scanned again
    assertThat(kept).contains("DIR", "BIN", "MODE", "BASE").doesNotContain("UNSET");
    assertThat(found).containsExactly("BASE", "MODE", "DIR", "UNSET");
  }

  @Test
  void anEditToAGlobalArgScansEveryStageAgain() {
    DocumentModel doc = DocumentModel.of(STAGES);
    Symbols before = Symbols.of(doc);
    int at = STAGES.indexOf("=alpine") + 1;
    DocumentModel next = doc.edited(2, new IncrementalParse.Change(at, at, "x"));

    Symbols after = Symbols.of(next);

    assertThat(after.all()).isEqualTo(Symbols.build(next.model()).all());
    Set<Symbols.Occurrence> same = identities(before.all());
    assertThat(after.all()).noneMatch(same::contains);
  }

  /**
   * Random edits of corpus files and {@link #STAGES}; the index asked for in two versions of three,
   * so that what one version hands on sometimes skips one.
   */
  @Test
  void indexesAfterRandomEditsEqualIndexesBuiltFromNothing() throws IOException {
    Random random = new Random(11);
    int versions = 0;
    int withTakenOver = 0;
    for (Path file : files()) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      DocumentModel doc =
          new DocumentModel(file.toUri().toString(), 1, text, BuildOptions.defaults());
      Symbols last = Symbols.of(doc);
      for (int k = 1; k <= 30; k++) {
        doc = doc.edited(doc.version() + 1, randomEdit(doc.text(), random));
        if (k % 3 == 0) {
          continue;
        }
        Symbols now = Symbols.of(doc);
        assertThat(now.all())
            .as("%s after %d edits:%n%s", file, k, doc.text())
            .isEqualTo(Symbols.build(doc.model()).all())
            .isSortedAccordingTo(Comparator.comparing(o -> o.range().start()));
        assertAtFindsWhatAScanFinds(now, doc.text(), random);
        Set<Symbols.Occurrence> earlier = identities(last.all());
        if (now.all().stream().anyMatch(earlier::contains)) {
          withTakenOver++;
        }
        last = now;
        versions++;
      }
    }
    assertThat(versions).isGreaterThan(1000);
    // many edits reach every stage (one-stage files, global ARGs, line breaks moving stages)
    assertThat(withTakenOver).isGreaterThan(versions / 5);
  }

  /**
   * {@link Symbols#at} (a binary search) answers what the first occurrence touching the cursor is,
   * at random places and at the edges of occurrences (where two may touch the cursor).
   */
  private static void assertAtFindsWhatAScanFinds(Symbols symbols, String text, Random random) {
    String[] lines = text.split("\n", -1);
    List<Position> spots = new ArrayList<>();
    for (int k = 0; k < 5; k++) {
      int line = random.nextInt(lines.length + 1);
      int length = line < lines.length ? lines[line].length() : 0;
      spots.add(new Position(line, random.nextInt(length + 2)));
    }
    List<Symbols.Occurrence> all = symbols.all();
    for (int k = 0; k < Math.min(5, all.size()); k++) {
      Symbols.Occurrence o = all.get(random.nextInt(all.size()));
      spots.add(o.range().start());
      spots.add(o.range().end());
    }
    for (Position p : spots) {
      Optional<Symbols.Occurrence> scanned =
          all.stream().filter(o -> o.range().touches(p)).findFirst();
      assertThat(symbols.at(p)).as("at %s of%n%s", p, text).isEqualTo(scanned);
    }
  }

  private static Set<Symbols.Occurrence> identities(List<Symbols.Occurrence> all) {
    Set<Symbols.Occurrence> s = Collections.newSetFromMap(new IdentityHashMap<>());
    s.addAll(all);
    return s;
  }

  private static IncrementalParse.Change randomEdit(String text, Random random) {
    int start = random.nextInt(text.length() + 1);
    if (random.nextInt(4) == 0 && start < text.length()) {
      int end = Math.min(text.length(), start + 1 + random.nextInt(6));
      return new IncrementalParse.Change(start, end, "");
    }
    List<String> typed =
        List.of(
            "x",
            "$",
            "{",
            "}",
            "$DIR",
            "${MODE}",
            "$BASE",
            "=",
            " ",
            "_",
            "\n",
            "\nARG MODE\n",
            "\nENV DIR=/y\n",
            "\nFROM tools AS more\n",
            "ARG ",
            "ENV ",
            "\\");
    return new IncrementalParse.Change(start, start, typed.get(random.nextInt(typed.size())));
  }

  /** Every 25th Dockerfile of the corpus, and {@link #STAGES} four times. */
  private static List<Path> files() throws IOException {
    List<Path> out = new ArrayList<>(Corpus.every(25));
    Path stages = Files.createTempFile("symbols", ".Dockerfile");
    stages.toFile().deleteOnExit();
    Files.writeString(stages, STAGES);
    for (int k = 0; k < 4; k++) {
      out.add(stages);
    }
    return out;
  }
}
