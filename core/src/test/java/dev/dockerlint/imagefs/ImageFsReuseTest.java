package dev.dockerlint.imagefs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.context.ContextFiles;
import dev.dockerlint.image.ImageMetadataSource;
import dev.dockerlint.rules.LintInput;
import dev.dockerlint.rules.LintMemo;
import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.DockerfileReader;
import dev.dockerlint.testing.InPlaceEdits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lint after an edit takes over the filesystem of a stage from the lint before it only when
 * building it again could not give anything else.
 */
class ImageFsReuseTest {
  @TempDir Path context;

  private static final String STAGES =
      """
      FROM alpine:3.20 AS base
      WORKDIR /app
      RUN touch /app/ready
      FROM base AS build
      COPY --from=base /app/ready /done
      FROM scratch
      COPY --from=build /done /done
      """;

  private final LintMemo memo = LintMemo.create();

  private ImageFs lint(SemanticModel m, Optional<Path> dir, ImageMetadataSource images) {
    return ImageFs.of(input(m, dir, images));
  }

  /** The input of the next lint of the document, which shares {@link #memo} with the last. */
  private LintInput input(SemanticModel m, Optional<Path> dir, ImageMetadataSource images) {
    memo.nextLint();
    return new LintInput(
        "Dockerfile", m.file(), m, dir, images, new LintInput.Shared(memo), ContextFiles.direct());
  }

  private static SemanticModel model(String text) {
    return SemanticModel.of(DockerfileReader.parse(text), BuildOptions.defaults());
  }

  /** The next version's model with the same instructions: every Stage is taken over. */
  private static SemanticModel unchanged(SemanticModel m) {
    return SemanticModel.of(m.file(), m.options(), m);
  }

  private static final ImageMetadataSource NONE = ImageMetadataSource.none("not in tests");

  @Test
  void theFilesystemsOfUnchangedStagesAreTakenOver() {
    SemanticModel first = model(STAGES);
    ImageFs before = lint(first, Optional.empty(), NONE);
    ImageFs after = lint(unchanged(first), Optional.empty(), NONE);
    for (Stage s : first.stages()) {
      assertThat(after.stage(s)).isSameAs(before.stage(s));
    }
  }

  @Test
  void aStageOfANewModelIsBuilt() {
    ImageFs before = lint(model(STAGES), Optional.empty(), NONE);
    SemanticModel fresh = model(STAGES);
    ImageFs after = lint(fresh, Optional.empty(), NONE);
    assertThat(after.stage(fresh.stages().get(0)))
        .isNotSameAs(before.stage(before.stages().get(0)));
  }

  @Test
  void anotherAnswerOfTheImageSourceRebuildsTheStageAndTheStagesThatReadIt() {
    SemanticModel first = model(STAGES);
    ImageFs before = lint(first, Optional.empty(), NONE);
    ImageFs after =
        lint(unchanged(first), Optional.empty(), ImageMetadataSource.none("turned off"));
    for (Stage s : first.stages().subList(0, 2)) {
      assertThat(after.stage(s)).isNotSameAs(before.stage(s));
    }
    Stage last = first.stages().get(2);
    assertThat(after.stage(last)).isNotSameAs(before.stage(last));
  }

  @Test
  void aStageThatCopiesFromABuildContextIsBuiltEveryTime() throws IOException {
    Files.writeString(context.resolve("app.sh"), "#!/bin/sh\n");
    SemanticModel first = model("FROM scratch\nCOPY app.sh /app.sh\nFROM scratch\nWORKDIR /x\n");
    ImageFs before = lint(first, Optional.of(context), NONE);
    Files.delete(context.resolve("app.sh"));
    SemanticModel next = unchanged(first);
    ImageFs after = lint(next, Optional.of(context), NONE);
    Stage copies = first.stages().get(0);
    assertThat(after.stage(copies)).isNotSameAs(before.stage(copies));
    assertThat(after.stage(copies).atEnd().resolve("/app.sh"))
        .isNotInstanceOf(FsState.Present.class);
    Stage other = first.stages().get(1);
    assertThat(after.stage(other)).isSameAs(before.stage(other));
  }

  @Test
  void aContextCopyIsTakenOverOnlyWhileThereIsNoContext() throws IOException {
    SemanticModel first = model("FROM scratch\nCOPY app.sh /app.sh\n");
    Stage s = first.stages().get(0);
    ImageFs without = lint(first, Optional.empty(), NONE);
    assertThat(lint(unchanged(first), Optional.empty(), NONE).stage(s)).isSameAs(without.stage(s));
    Files.writeString(context.resolve("app.sh"), "#!/bin/sh\n");
    ImageFs with = lint(unchanged(first), Optional.of(context), NONE);
    assertThat(with.stage(s)).isNotSameAs(without.stage(s));
    assertThat(with.stage(s).atEnd().resolve("/app.sh")).isInstanceOf(FsState.Present.class);
  }

  @Test
  void withoutAMemoEveryLintBuildsEveryStage() {
    SemanticModel first = model(STAGES);
    ImageFs a =
        ImageFs.of(new LintInput("Dockerfile", first.file(), first, Optional.empty(), NONE));
    ImageFs b =
        ImageFs.of(new LintInput("Dockerfile", first.file(), first, Optional.empty(), NONE));
    assertThat(b.stage(first.stages().get(0))).isNotSameAs(a.stage(first.stages().get(0)));
  }

  /** Stages whose programs are missing: exec analysis finds problems in each. */
  private static final String MISSING =
      """
      FROM scratch AS one
      ENTRYPOINT ["/one"]
      FROM scratch AS two
      HEALTHCHECK CMD ["/two"]
      ENTRYPOINT ["/bin/two"]
      FROM scratch AS three
      ENTRYPOINT ["/three"]
      """;

  private LintInput input(SemanticModel m) {
    return input(m, Optional.empty(), NONE);
  }

  @Test
  void theExecProblemsOfAStageTheEditDidNotReachAreTakenOver() {
    SemanticModel first = model(MISSING);
    List<ExecProblem> before = ExecAnalysis.of(input(first));
    String text = MISSING.replace("/bin/two", "/bin/twx");
    SemanticModel next =
        SemanticModel.of(InPlaceEdits.edited(first.file(), text, 4), first.options(), first);
    List<ExecProblem> after = ExecAnalysis.of(input(next));

    assertThat(next.stages().get(0)).isSameAs(first.stages().get(0));
    assertThat(next.stages().get(2)).isSameAs(first.stages().get(2));
    for (int k : new int[] {0, 2}) {
      assertThat(problemsIn(after, next.stages().get(k)))
          .isNotEmpty()
          .usingElementComparator((a, b) -> a == b ? 0 : 1)
          .containsExactlyElementsOf(problemsIn(before, first.stages().get(k)));
    }
    assertThat(describe(after))
        .isEqualTo(describe(ExecAnalysis.of(input(model(text)))))
        .anyMatch(p -> p.contains("/bin/twx"));
  }

  /** The problems of {@code s}, as objects. */
  private static List<ExecProblem> problemsIn(List<ExecProblem> all, Stage s) {
    return all.stream().filter(p -> p.site().stage() == s).toList();
  }

  private static List<String> describe(List<ExecProblem> all) {
    return all.stream()
        .map(p -> p.site().instruction().range() + " " + p.kind() + " " + p.message())
        .toList();
  }
}
