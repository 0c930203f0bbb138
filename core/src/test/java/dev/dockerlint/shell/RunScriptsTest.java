package dev.dockerlint.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.LintMemo;
import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.syntax.DockerfileReader;
import dev.dockerlint.testing.InPlaceEdits;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The RUN scripts of a file read again for a document's next version, with the document's memo. */
class RunScriptsTest {

  private static SemanticModel model(String text) {
    return SemanticModel.of(DockerfileReader.parse(text), BuildOptions.defaults());
  }

  private static List<String> ranges(List<RunScript> scripts) {
    return scripts.stream()
        .flatMap(s -> s.script().commands().stream().map(c -> c.name() + "@" + s.range(c)))
        .toList();
  }

  @Test
  void aScriptTextReadByTheLastLintIsReusedAndPlacedWhereItIsNow() {
    String script = "RUN apt-get update && apt-get install -y curl\n";
    LintMemo memo = LintMemo.create();
    memo.nextLint();
    List<RunScript> before = RunScripts.all(model("FROM debian\n" + script), memo);
    memo.nextLint();
    SemanticModel moved = model("FROM debian\nENV A=1\n" + script);
    List<RunScript> after = RunScripts.all(moved, memo);

    assertThat(after.get(0).script()).isSameAs(before.get(0).script());
    assertThat(ranges(after)).isEqualTo(ranges(RunScripts.all(model(moved.file().text()))));
  }

  @Test
  void aChangedScriptIsReadAgain() {
    LintMemo memo = LintMemo.create();
    memo.nextLint();
    List<RunScript> before = RunScripts.all(model("FROM debian\nRUN make\n"), memo);
    memo.nextLint();
    List<RunScript> after = RunScripts.all(model("FROM debian\nRUN make install\n"), memo);

    assertThat(after.get(0).script()).isNotSameAs(before.get(0).script());
    assertThat(after.get(0).script().commands()).hasSize(1);
    assertThat(after.get(0).script().commands().get(0).toString()).isEqualTo("make install");
  }

  @Test
  void theScriptsOfAStageTheEditDidNotReachAreTakenOverAndStillRightWhereTheyAre() {
    String text =
        """
        FROM debian AS one
        RUN apt-get update && apt-get install -y curl
        FROM alpine AS two
        ENV X=1
        RUN apk add --no-cache git && echo $X
        """;
    LintMemo memo = LintMemo.create();
    memo.nextLint();
    SemanticModel first = model(text);
    List<RunScript> before = RunScripts.all(first, memo);
    memo.nextLint();
    String edited = text.replace("FROM debian AS one", "FROM debian AS onex");
    SemanticModel next =
        SemanticModel.of(InPlaceEdits.edited(first.file(), edited, 0), first.options(), first);
    List<RunScript> after = RunScripts.all(next, memo);

    assertThat(next.stages().get(1)).isSameAs(first.stages().get(1));
    assertThat(after.get(1)).as("the later stage's script").isSameAs(before.get(1));
    assertThat(after.get(0)).as("the edited stage's script").isNotSameAs(before.get(0));
    assertThat(ranges(after)).isEqualTo(ranges(RunScripts.all(model(edited))));
  }
}
