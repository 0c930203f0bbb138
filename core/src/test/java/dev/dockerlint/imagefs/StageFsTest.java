package dev.dockerlint.imagefs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.imagefs.FsState.Absent;
import dev.dockerlint.imagefs.FsState.Present;
import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.semantic.Platform;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.DockerfileReader;
import dev.dockerlint.syntax.Instruction;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StageFsTest {

  private static final int RUNS = 200;

  private static Stage stageWithRuns(int runs) {
    StringBuilder sb = new StringBuilder("FROM scratch\n");
    for (int k = 0; k < runs; k++) {
      sb.append("RUN step").append(k).append('\n');
    }
    BuildOptions o =
        new BuildOptions(Platform.LINUX_AMD64, Platform.LINUX_AMD64, Map.of(), Optional.empty());
    return SemanticModel.of(DockerfileReader.parse(sb.toString()), o).stages().get(0);
  }

  /** A stage with one change per instruction, each counting how often it is applied. */
  private static StageFs counted(Stage s, AtomicInteger baseReads, AtomicInteger applied) {
    StageFs fs =
        new StageFs(
            s,
            path -> {
              baseReads.incrementAndGet();
              return new Absent("FROM scratch");
            },
            "FROM scratch",
            Optional.of(List.of()),
            UserSpec.root());
    for (Instruction i : s.instructions()) {
      fs.mark(i, SearchPath.defaultPath());
      fs.add(
          (path, before) -> {
            applied.incrementAndGet();
            return before.maybe(i);
          });
    }
    fs.finish(SearchPath.defaultPath());
    return fs;
  }

  @Test
  void askingAboutAPathBeforeEveryInstructionAppliesEachChangeOnce() {
    Stage s = stageWithRuns(RUNS);
    AtomicInteger baseReads = new AtomicInteger();
    AtomicInteger applied = new AtomicInteger();
    StageFs fs = counted(s, baseReads, applied);

    for (Instruction i : s.instructions()) {
      fs.before(i).get("/bin/sh");
    }
    fs.atEnd().get("/bin/sh");

    assertThat(baseReads).hasValue(1);
    assertThat(applied).hasValue(RUNS);
  }

  @Test
  void eachViewStillSeesOnlyTheChangesBeforeItsInstruction() {
    Stage s = stageWithRuns(3);
    StageFs fs = counted(s, new AtomicInteger(), new AtomicInteger());
    List<Instruction> runs = s.instructions();

    FsState atEnd = fs.atEnd().get("/bin/sh");
    FsState beforeSecond = fs.before(runs.get(1)).get("/bin/sh");
    FsState beforeFirst = fs.before(runs.get(0)).get("/bin/sh");

    assertThat(atEnd.maybeBy()).containsExactlyElementsOf(runs);
    assertThat(beforeSecond.maybeBy()).containsExactly(runs.get(0));
    assertThat(beforeFirst.maybeBy()).isEmpty();
    assertThat(atEnd).isNotInstanceOf(Present.class);
  }
}
