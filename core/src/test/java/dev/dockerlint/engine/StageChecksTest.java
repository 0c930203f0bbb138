package dev.dockerlint.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.config.Config;
import dev.dockerlint.config.ConfigLoader;
import dev.dockerlint.image.ImageMetadataSource;
import dev.dockerlint.image.Lookup;
import dev.dockerlint.registry.RuleRegistry;
import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.LintMemo;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.RuleMeta;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Base;
import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.DockerfileReader;
import dev.dockerlint.syntax.EnvInstruction;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.LineShift;
import dev.dockerlint.testing.InPlaceEdits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A stage rule runs, in the next version of a document, only on the stages the edit reached, and
 * the lint still reports what a lint from scratch reports.
 */
class StageChecksTest {

  private static final BuildOptions OPTIONS = BuildOptions.defaults();

  private static final String TEXT =
      """
      FROM alpine AS one
      ENV A=1
      FROM debian AS two
      ENV B=2
      FROM one AS three
      ENV C=3
      FROM busybox AS four
      ENV D=4
      """;

  /** Reports every ENV, and notes the stages it checked. */
  @RuleInfo(code = "DKL9981", name = "env-here", severity = Severity.INFO, summary = "ENV")
  static final class EnvHere implements StageRule {
    final List<String> checked = new ArrayList<>();

    @Override
    public void checkStage(RuleContext ctx, Stage stage) {
      checked.add(stage.displayName());
      for (Instruction i : stage.instructions()) {
        if (i instanceof EnvInstruction e) {
          ctx.report(i.range(), "ENV " + e.pairs().get(0).value().value());
        }
      }
    }
  }

  /** Reports what the image source says about the stage's base image. */
  @RuleInfo(code = "DKL9982", name = "base-answer", severity = Severity.INFO, summary = "Asks")
  static final class BaseAnswer implements StageRule {
    final List<String> checked = new ArrayList<>();

    @Override
    public void checkStage(RuleContext ctx, Stage stage) {
      checked.add(stage.displayName());
      if (stage.base() instanceof Base.ImageBase b && b.ref().isPresent()) {
        Lookup l = ctx.input().images().lookup(b.ref().get(), OPTIONS.targetPlatform(), false);
        ctx.report(stage.from().range(), "answer " + l);
      }
    }
  }

  /** Reports on the first line of the file, outside most stages. */
  @RuleInfo(code = "DKL9983", name = "file-start", severity = Severity.INFO, summary = "Start")
  static final class FileStart implements StageRule {
    final List<String> checked = new ArrayList<>();

    @Override
    public void checkStage(RuleContext ctx, Stage stage) {
      checked.add(stage.displayName());
      ctx.report(ctx.file().source().range(0, 4), "from " + stage.displayName());
    }
  }

  /** Answers every question with what {@code reason} holds. */
  private static ImageMetadataSource answering(AtomicReference<String> reason) {
    return (ref, platform, withFiles) -> new Lookup.Unavailable(reason.get());
  }

  private static List<String> lint(
      Linter linter, SemanticModel model, ImageMetadataSource images, LintMemo memo) {
    List<String> out = new ArrayList<>();
    for (Diagnostic d :
        linter
            .lint("Dockerfile", model, Optional.empty(), images, RuleMeta::enabledByDefault, memo)
            .diagnostics()) {
      out.add(d.rule().code() + " " + d.range() + " " + d.message());
    }
    return out;
  }

  /** {@link #TEXT} linted version after version with one rule, as the language server does. */
  private static final class Document {
    final Linter linter;
    final AtomicReference<String> answer = new AtomicReference<>("none");
    final ImageMetadataSource images = answering(answer);
    LintMemo memo = LintMemo.create();
    SemanticModel model = SemanticModel.of(DockerfileReader.parse(TEXT), OPTIONS);

    Document(StageRule rule) {
      linter = new Linter(new RuleRegistry(List.of(rule)));
    }

    List<String> lint() {
      return lint(linter);
    }

    List<String> lint(Linter with) {
      return StageChecksTest.lint(with, model, images, memo);
    }

    /**
     * The next version after a line break typed at the end of line {@code line} (1-based), in the
     * {@code k}-th instruction, as the incremental parse makes it: that instruction parsed again,
     * those after it moved one line down.
     */
    void lineBreakAfter(int line, int k) {
      String text = model.file().text();
      int at = model.file().source().lineEnd(line - 1);
      String now = text.substring(0, at) + "\n" + text.substring(at);
      model =
          SemanticModel.of(
              InPlaceEdits.keptBefore(model.file(), now, k),
              OPTIONS,
              model,
              new LineShift(k + 1, k + 1, 1));
    }

    /** The next version after the {@code k}-th instruction was edited to make {@code text}. */
    void edit(String text, int k) {
      model = SemanticModel.of(InPlaceEdits.edited(model.file(), text, k), OPTIONS, model);
    }
  }

  @Test
  void onlyTheStagesAnEditReachesAreCheckedAgain() {
    EnvHere rule = new EnvHere();
    Document doc = new Document(rule);
    doc.lint();
    assertThat(rule.checked).containsExactly("one", "two", "three", "four");

    rule.checked.clear();
    doc.edit(TEXT.replace("A=1", "A=5"), 1);
    List<String> found = doc.lint();

    assertThat(rule.checked)
        .as("the edited stage and the one based on it")
        .containsExactly("one", "three");
    SemanticModel fresh = SemanticModel.of(doc.model.file(), OPTIONS);
    assertThat(found)
        .isEqualTo(lint(doc.linter, fresh, doc.images, LintMemo.none()))
        .contains("DKL9981 2:1-2:8 ENV 5", "DKL9981 4:1-4:8 ENV 2");
  }

  @Test
  void theFindingsOfStagesALineBreakMovesDownMoveWithThem() {
    EnvHere rule = new EnvHere();
    Document doc = new Document(rule);
    doc.lint();
    rule.checked.clear();

    doc.lineBreakAfter(2, 1);
    List<String> found = doc.lint();

    assertThat(rule.checked)
        .as("the edited stage and the one based on it; the others moved")
        .containsExactly("one", "three");
    SemanticModel fresh = SemanticModel.of(doc.model.file(), OPTIONS);
    assertThat(found)
        .isEqualTo(lint(doc.linter, fresh, doc.images, LintMemo.none()))
        .contains("DKL9981 5:1-5:8 ENV 2", "DKL9981 9:1-9:8 ENV 4");
  }

  /** {@link EnvHere} with the line of each ENV in its message. */
  @RuleInfo(code = "DKL9984", name = "env-line", severity = Severity.INFO, summary = "ENV line")
  static final class EnvLine implements StageRule {
    final List<String> checked = new ArrayList<>();

    @Override
    public boolean findingsMoveWithTheStage() {
      return false;
    }

    @Override
    public void checkStage(RuleContext ctx, Stage stage) {
      checked.add(stage.displayName());
      for (Instruction i : stage.instructions()) {
        ctx.report(i.range(), "on line " + (i.range().start().line() + 1));
      }
    }
  }

  @Test
  void findingsThatNameTheirLineAreFoundAgainWhenTheStageMoves() {
    EnvLine rule = new EnvLine();
    Document doc = new Document(rule);
    doc.lint();
    rule.checked.clear();

    doc.lineBreakAfter(2, 1);
    List<String> found = doc.lint();

    assertThat(rule.checked).containsExactly("one", "two", "three", "four");
    assertThat(found).contains("DKL9984 9:1-9:8 on line 9");
  }

  @Test
  void aStageIsCheckedAgainWhenTheImageSourceAnswersOtherwise() {
    BaseAnswer rule = new BaseAnswer();
    Document doc = new Document(rule);
    doc.answer.set("first");
    doc.lint();
    rule.checked.clear();
    doc.lint();
    assertThat(rule.checked).as("same answers").isEmpty();

    doc.answer.set("second");
    List<String> found = doc.lint();
    assertThat(rule.checked)
        .as("the stages whose base image was asked about")
        .containsExactly("one", "two", "four");
    assertThat(found).anyMatch(f -> f.contains("second")).noneMatch(f -> f.contains("first"));
  }

  @Test
  void findingsOutsideTheirStageAreNotTakenOver() {
    FileStart rule = new FileStart();
    Document doc = new Document(rule);
    doc.lint();
    rule.checked.clear();
    doc.lint();
    assertThat(rule.checked)
        .as("the first stage's finding lies in it")
        .containsExactly("two", "three", "four");
  }

  @Test
  void otherSettingsCheckEveryStageAgain() {
    EnvHere rule = new EnvHere();
    Document doc = new Document(rule);
    doc.lint();
    rule.checked.clear();
    Config other =
        ConfigLoader.parse(
            "trusted-registries: [registry.example.com]\n",
            Path.of(".dockerlint.yaml"),
            Config.Dialect.DOCKERLINT);
    List<String> found = doc.lint(doc.linter.withConfig(other));
    assertThat(rule.checked).hasSize(4);
    assertThat(found).hasSize(4);
  }

  @Test
  void withoutAMemoEveryStageIsChecked() {
    EnvHere rule = new EnvHere();
    Document doc = new Document(rule);
    doc.memo = LintMemo.none();
    doc.lint();
    doc.lint();
    assertThat(rule.checked).hasSize(8);
  }
}
