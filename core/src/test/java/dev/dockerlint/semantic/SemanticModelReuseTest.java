package dev.dockerlint.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.syntax.Dockerfile;
import dev.dockerlint.syntax.DockerfileReader;
import dev.dockerlint.syntax.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A model built from an earlier version's model takes over the stages whose instructions, and all
 * instructions before them, are the same objects, and otherwise knows what a fresh model knows.
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

  /** A file of {@code text} whose first {@code kept} instructions are those of {@code old}. */
  private static Dockerfile spliced(Dockerfile old, String text, int kept) {
    Dockerfile fresh = DockerfileReader.parse(text);
    List<Instruction> all = new ArrayList<>(old.instructions().subList(0, kept));
    all.addAll(fresh.instructions().subList(kept, fresh.instructions().size()));
    return new Dockerfile(
        fresh.source(),
        fresh.escapeCharacter(),
        fresh.directives(),
        fresh.comments(),
        all,
        fresh.problems());
  }

  @Test
  void stagesBeforeTheEditedInstructionAreTakenOver() {
    SemanticModel old = SemanticModel.of(DockerfileReader.parse(BEFORE), OPTIONS);
    Dockerfile file = spliced(old.file(), AFTER, 5);
    SemanticModel m = SemanticModel.of(file, OPTIONS, old);
    assertThat(m.stages().get(0)).isSameAs(old.stages().get(0));
    assertThat(m.stages().get(1)).isNotSameAs(old.stages().get(1));
    assertThat(m.stages().get(2)).isNotSameAs(old.stages().get(2));
    assertThat(facts(m)).isEqualTo(facts(SemanticModel.of(file, OPTIONS)));
    assertThat(m.stages().get(1).finalScope().get("B")).contains("1-c");
  }

  @Test
  void theStageOfTheEditedInstructionIsNotTakenOverEvenWhenItIsLast() {
    SemanticModel old = SemanticModel.of(DockerfileReader.parse(BEFORE), OPTIONS);
    String text = BEFORE.replace("/b /c", "/b /d");
    Dockerfile file = spliced(old.file(), text, old.file().instructions().size() - 1);
    SemanticModel m = SemanticModel.of(file, OPTIONS, old);
    assertThat(m.stages().get(1)).isSameAs(old.stages().get(1));
    assertThat(m.stages().get(2)).isNotSameAs(old.stages().get(2));
    assertThat(facts(m)).isEqualTo(facts(SemanticModel.of(file, OPTIONS)));
  }

  @Test
  void anInstructionAddedAtTheEndOfAStageKeepsThatStageFromBeingTakenOver() {
    SemanticModel old = SemanticModel.of(DockerfileReader.parse(BEFORE), OPTIONS);
    String text = BEFORE.replace("ENV A=$V\n", "ENV A=$V\nENV V=2\n");
    Dockerfile file = spliced(old.file(), text, 4);
    SemanticModel m = SemanticModel.of(file, OPTIONS, old);
    assertThat(m.stages().get(0)).isNotSameAs(old.stages().get(0));
    assertThat(facts(m)).isEqualTo(facts(SemanticModel.of(file, OPTIONS)));
  }

  @Test
  void anEditedGlobalArgRebuildsEveryStage() {
    SemanticModel old = SemanticModel.of(DockerfileReader.parse(BEFORE), OPTIONS);
    Dockerfile file = spliced(old.file(), BEFORE.replace("V=1", "V=2"), 0);
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
