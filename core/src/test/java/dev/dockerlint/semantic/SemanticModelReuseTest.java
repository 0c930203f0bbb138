package dev.dockerlint.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.syntax.Dockerfile;
import dev.dockerlint.syntax.DockerfileReader;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.LineShift;
import dev.dockerlint.testing.InPlaceEdits;
import dev.dockerlint.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A model built from an earlier version's model takes over the stages whose instructions, and all
 * instructions before them, are the same objects, and the later stages the edit did not reach; and
 * otherwise knows what a fresh model knows.
 */
class SemanticModelReuseTest {

  private static final BuildOptions OPTIONS = BuildOptions.defaults();

  private static final String BEFORE =
      """
      ARG V=1
      FROM alpine AS base
      ARG V
      ENV A=$V
      FROM base AS build
      ENV B=${A}-b
      COPY --from=base /a /b
      FROM scratch
      COPY --from=build /b /c
      """;

  /** The same text with the second stage's ENV edited in place (same length, same offsets). */
  private static final String AFTER = BEFORE.replace("ENV B=${A}-b", "ENV B=${A}-c");

  @Test
  void stagesBeforeTheEditedInstructionAreTakenOver() {
    SemanticModel old = SemanticModel.of(DockerfileReader.parse(BEFORE), OPTIONS);
    Dockerfile file = InPlaceEdits.keptBefore(old.file(), AFTER, 5);
    SemanticModel m = SemanticModel.of(file, OPTIONS, old);
    assertThat(m.stages().get(0)).isSameAs(old.stages().get(0));
    assertThat(m.stages().get(1)).isNotSameAs(old.stages().get(1));
    assertThat(m.stages().get(2)).isNotSameAs(old.stages().get(2));
    assertThat(facts(m)).isEqualTo(facts(SemanticModel.of(file, OPTIONS)));
    assertThat(m.stages().get(1).finalScope().get("B")).contains("1-c");
  }

  @Test
  void stagesALineBreakMovesDownAreMovedCopiesWhenNothingElseChanged() {
    String text =
        """
        ARG V=1
        FROM alpine AS a
        ENV A=$V
        FROM alpine AS b
        ENV B=2
        FROM a AS c
        FROM scratch AS d
        COPY --from=b /b /b
        FROM scratch AS e
        COPY --from=c /c /c
        """;
    SemanticModel old = SemanticModel.of(DockerfileReader.parse(text), OPTIONS);
    // a line break at the end of ENV A=$V: it is parsed again, every instruction after it moves
    String now = text.replace("ENV A=$V\n", "ENV A=$V\n\n");
    Dockerfile file = InPlaceEdits.keptBefore(old.file(), now, 2);
    SemanticModel m = SemanticModel.of(file, OPTIONS, old, new LineShift(3, 3, 1));

    assertThat(facts(m)).isEqualTo(facts(SemanticModel.of(file, OPTIONS)));
    assertThat(m.movedFrom(m.stages().get(0))).as("the edited stage").isEmpty();
    assertThat(m.movedFrom(m.stages().get(1))).contains(new Stage.Moved(old.stages().get(1), 1));
    assertThat(m.movedFrom(m.stages().get(2))).as("based on the edited stage").isEmpty();
    assertThat(m.movedFrom(m.stages().get(3)))
        .as("copies from a moved stage")
        .contains(new Stage.Moved(old.stages().get(3), 1));
    assertThat(m.movedFrom(m.stages().get(4))).as("copies from one based on the edited").isEmpty();
    assertThat(m.stages().get(1).instructions().get(0).range().start().line()).isEqualTo(5);
  }

  @Test
  void theStageOfTheEditedInstructionIsNotTakenOverEvenWhenItIsLast() {
    SemanticModel old = SemanticModel.of(DockerfileReader.parse(BEFORE), OPTIONS);
    String text = BEFORE.replace("/b /c", "/b /d");
    Dockerfile file =
        InPlaceEdits.keptBefore(old.file(), text, old.file().instructions().size() - 1);
    SemanticModel m = SemanticModel.of(file, OPTIONS, old);
    assertThat(m.stages().get(1)).isSameAs(old.stages().get(1));
    assertThat(m.stages().get(2)).isNotSameAs(old.stages().get(2));
    assertThat(facts(m)).isEqualTo(facts(SemanticModel.of(file, OPTIONS)));
  }

  @Test
  void anInstructionAddedAtTheEndOfAStageKeepsThatStageFromBeingTakenOver() {
    SemanticModel old = SemanticModel.of(DockerfileReader.parse(BEFORE), OPTIONS);
    String text = BEFORE.replace("ENV A=$V\n", "ENV A=$V\nENV V=2\n");
    Dockerfile file = InPlaceEdits.keptBefore(old.file(), text, 4);
    SemanticModel m = SemanticModel.of(file, OPTIONS, old);
    assertThat(m.stages().get(0)).isNotSameAs(old.stages().get(0));
    assertThat(facts(m)).isEqualTo(facts(SemanticModel.of(file, OPTIONS)));
  }

  @Test
  void anEditedGlobalArgRebuildsEveryStage() {
    SemanticModel old = SemanticModel.of(DockerfileReader.parse(BEFORE), OPTIONS);
    Dockerfile file = InPlaceEdits.keptBefore(old.file(), BEFORE.replace("V=1", "V=2"), 0);
    SemanticModel m = SemanticModel.of(file, OPTIONS, old);
    assertThat(m.stages()).doesNotContainAnyElementsOf(old.stages());
    assertThat(m.stages().get(1).finalScope().get("B")).contains("2-b");
  }

  @Test
  void otherBuildOptionsRebuildEveryStage() {
    SemanticModel old = SemanticModel.of(DockerfileReader.parse(BEFORE), OPTIONS);
    BuildOptions other =
        new BuildOptions(
            Platform.LINUX_AMD64, Platform.LINUX_AMD64, Map.of("V", "3"), Optional.empty());
    SemanticModel m = SemanticModel.of(old.file(), other, old);
    assertThat(m.stages()).doesNotContainAnyElementsOf(old.stages());
    assertThat(m.stages().get(0).finalScope().get("A")).contains("3");
  }

  @Test
  void theSameFileTakesOverEveryStage() {
    SemanticModel old = SemanticModel.of(DockerfileReader.parse(BEFORE), OPTIONS);
    SemanticModel m = SemanticModel.of(old.file(), OPTIONS, old);
    assertThat(m.stages()).containsExactlyElementsOf(old.stages());
    assertThat(facts(m)).isEqualTo(facts(old));
  }

  /** Stages after the edited one: some based on it or copying from it, some independent. */
  private static final String LATER =
      """
      ARG V=1
      FROM alpine AS base
      ARG V
      ENV A=$V
      FROM base AS build
      ENV B=${A}-b
      FROM alpine AS other
      ENV C=1
      COPY --from=base /a /b
      FROM build AS child
      RUN --mount=from=other,target=/o true
      FROM scratch
      COPY --from=other /b /c
      FROM other
      COPY --from=1 /x /y
      """;

  @Test
  void laterStagesTheEditDoesNotReachAreTakenOver() {
    SemanticModel old = SemanticModel.of(DockerfileReader.parse(LATER), OPTIONS);
    Dockerfile file = InPlaceEdits.edited(old.file(), LATER.replace("${A}-b", "${A}-c"), 5);
    SemanticModel m = SemanticModel.of(file, OPTIONS, old);
    List<Stage> was = old.stages();
    List<Stage> now = m.stages();
    assertThat(now.get(0)).isSameAs(was.get(0));
    assertThat(now.get(1)).as("edited").isNotSameAs(was.get(1));
    assertThat(now.get(2)).as("copies from an earlier stage only").isSameAs(was.get(2));
    assertThat(now.get(3)).as("based on the edited stage").isNotSameAs(was.get(3));
    assertThat(now.get(4)).as("copies from a taken-over stage").isSameAs(was.get(4));
    assertThat(now.get(5)).as("copies from the edited stage, by index").isNotSameAs(was.get(5));
    assertThat(facts(m)).isEqualTo(facts(SemanticModel.of(file, OPTIONS)));
    assertThat(now.get(3).finalScope().get("B")).contains("1-c");
  }

  @Test
  void anEditInTheFirstStageKeepsTheGlobalScopeAndLaterStages() {
    SemanticModel old = SemanticModel.of(DockerfileReader.parse(LATER), OPTIONS);
    Dockerfile file = InPlaceEdits.edited(old.file(), LATER.replace("ENV A=$V", "ENV A=$X"), 3);
    SemanticModel m = SemanticModel.of(file, OPTIONS, old);
    assertThat(m.globalScope()).isSameAs(old.globalScope());
    assertThat(m.stages().get(2))
        .as("copies from the edited stage")
        .isNotSameAs(old.stages().get(2));
    assertThat(facts(m)).isEqualTo(facts(SemanticModel.of(file, OPTIONS)));
  }

  @Test
  void aRenamedStageIsNotWhatLaterStagesNamedBefore() {
    SemanticModel old = SemanticModel.of(DockerfileReader.parse(LATER), OPTIONS);
    for (String[] edit :
        List.of(
            new String[] {"FROM base AS build", "FROM base AS buila", "4"},
            new String[] {"FROM alpine AS other", "FROM alpine AS othex", "6"},
            new String[] {"FROM alpine AS base", "FROM alpine AS bas3", "1"},
            // the stage "other" gets a second name before it: references still mean the first
            new String[] {"FROM base AS build", "FROM base AS other", "4"})) {
      Dockerfile file =
          InPlaceEdits.edited(
              old.file(), LATER.replace(edit[0], edit[1]), Integer.parseInt(edit[2]));
      SemanticModel m = SemanticModel.of(file, OPTIONS, old);
      assertThat(facts(m)).as(edit[1]).isEqualTo(facts(SemanticModel.of(file, OPTIONS)));
    }
  }

  @Test
  void aFromThatIsNoLongerOneRenumbersTheStagesAfterIt() {
    SemanticModel old = SemanticModel.of(DockerfileReader.parse(LATER), OPTIONS);
    Dockerfile file =
        InPlaceEdits.edited(
            old.file(), LATER.replace("FROM base AS build", "ENV  base AS build"), 4);
    SemanticModel m = SemanticModel.of(file, OPTIONS, old);
    assertThat(m.stages()).hasSize(old.stages().size() - 1);
    assertThat(m.stages()).doesNotContainAnyElementsOf(old.stages().subList(1, 6));
    assertThat(facts(m)).isEqualTo(facts(SemanticModel.of(file, OPTIONS)));
  }

  /**
   * Every letter or digit of every instruction of the real corpus files, in turn for a sample,
   * replaced by another: the model built from the model before knows what a fresh one knows.
   */
  @Test
  void inPlaceEditsOfRealFilesGiveTheFactsOfAFreshModel() throws IOException {
    Random random = new Random(11);
    int edits = 0;
    int takenOverLater = 0;
    for (Path p : realFiles()) {
      String text = Files.readString(p, StandardCharsets.UTF_8);
      Dockerfile oldFile = DockerfileReader.parse(text);
      SemanticModel old = SemanticModel.of(oldFile, OPTIONS);
      List<Instruction> is = oldFile.instructions();
      for (int n = 0; n < 3 && !is.isEmpty(); n++) {
        int k = random.nextInt(is.size());
        String part = oldFile.source().slice(is.get(k).range());
        int at =
            oldFile.source().startOffset(is.get(k).range())
                + random.nextInt(Math.max(1, part.length()));
        if (at >= text.length() || !Character.isLetterOrDigit(text.charAt(at))) {
          continue;
        }
        char c = text.charAt(at);
        char other =
            Character.isDigit(c) ? (char) ('0' + (c - '0' + 1) % 10) : c == 'a' ? 'b' : 'a';
        String now = text.substring(0, at) + other + text.substring(at + 1);
        Dockerfile fresh = DockerfileReader.parse(now);
        if (fresh.instructions().size() != is.size() || !sameSpans(fresh, oldFile, k)) {
          continue;
        }
        Dockerfile file = InPlaceEdits.edited(oldFile, now, k);
        SemanticModel m = SemanticModel.of(file, OPTIONS, old);
        assertThat(facts(m)).as(p + " at " + at).isEqualTo(facts(SemanticModel.of(fresh, OPTIONS)));
        edits++;
        Optional<Stage> edited = m.stageOf(file.instructions().get(k));
        for (Stage s : m.stages()) {
          if (edited.isPresent() && s.index() > edited.get().index() && old.stages().contains(s)) {
            takenOverLater++;
          }
        }
      }
    }
    assertThat(edits).isGreaterThan(1000);
    assertThat(takenOverLater).isGreaterThan(100);
  }

  private static List<Path> realFiles() throws IOException {
    try (Stream<Path> s = Files.walk(SharedData.corpus("real"))) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().equals("MANIFEST.tsv"))
          .sorted()
          .toList();
    }
  }

  /** Whether every instruction but the {@code k}-th spans the same text in both files. */
  private static boolean sameSpans(Dockerfile a, Dockerfile b, int k) {
    for (int j = 0; j < a.instructions().size(); j++) {
      if (j != k && !a.instructions().get(j).range().equals(b.instructions().get(j).range())) {
        return false;
      }
    }
    return true;
  }

  /** What rules read from a model, by instruction index, as text. */
  private static List<String> facts(SemanticModel m) {
    List<Instruction> all = m.file().instructions();
    List<String> out = new ArrayList<>();
    out.add("global " + m.globalScope().variables() + " " + m.globalArgs().size());
    for (Stage s : m.stages()) {
      out.add(
          s.index()
              + " "
              + s.displayName()
              + " "
              + s.base()
              + " "
              + s.platform()
              + " "
              + s.platformSource()
              + " "
              + all.indexOf(s.from())
              + " "
              + s.finalScope().variables()
              + " "
              + s.finalWorkdir()
              + " "
              + s.finalUser()
              + " "
              + s.process());
      for (Instruction i : s.instructions()) {
        out.add(
            "  "
                + all.indexOf(i)
                + " "
                + m.scopeBefore(i).variables()
                + " "
                + s.shellFor(i)
                + " "
                + s.workdirFor(i)
                + " "
                + s.userFor(i));
      }
    }
    for (SemanticModel.StageReference r : m.stageReferences()) {
      out.add(
          "ref "
              + all.indexOf(r.instruction())
              + " "
              + r.value()
              + " "
              + r.stage().map(Stage::index));
    }
    return out;
  }
}
