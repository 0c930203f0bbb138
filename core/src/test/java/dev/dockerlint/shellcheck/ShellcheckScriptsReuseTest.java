package dev.dockerlint.shellcheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.context.ContextFiles;
import dev.dockerlint.image.ImageMetadataSource;
import dev.dockerlint.rules.LintInput;
import dev.dockerlint.rules.LintMemo;
import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.syntax.DockerfileReader;
import dev.dockerlint.testing.InPlaceEdits;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The scripts ShellCheck gets are prepared again, in a document's next version, only in the stages
 * the edit reached; the others are taken over, request and key included.
 */
class ShellcheckScriptsReuseTest {

  private static final String TEXT =
      """
      FROM debian AS one
      ARG V=1
      RUN echo $V | tee /v
      FROM alpine AS two
      ENV X=1
      RUN apk add --no-cache git && echo "$X"
      RUN <<EOF
      set -e
      echo $X
      EOF
      """;

  private final LintMemo memo = LintMemo.create();

  private LintInput input(SemanticModel m) {
    memo.nextLint();
    return new LintInput(
        "Dockerfile",
        m.file(),
        m,
        Optional.empty(),
        ImageMetadataSource.none("not in tests"),
        new LintInput.Shared(memo),
        ContextFiles.direct());
  }

  @Test
  void theScriptsOfStagesTheEditDidNotReachAreTakenOver() {
    SemanticModel first = SemanticModel.of(DockerfileReader.parse(TEXT), BuildOptions.defaults());
    List<ShellcheckScripts.Prepared> before = ShellcheckScripts.all(input(first));
    String edited = TEXT.replace("ARG V=1", "ARG V=2");
    SemanticModel next =
        SemanticModel.of(InPlaceEdits.edited(first.file(), edited, 1), first.options(), first);
    List<ShellcheckScripts.Prepared> after = ShellcheckScripts.all(input(next));

    assertThat(before).hasSize(3);
    assertThat(after.get(0)).isNotSameAs(before.get(0));
    assertThat(after.subList(1, 3))
        .usingElementComparator((a, b) -> a == b ? 0 : 1)
        .containsExactlyElementsOf(before.subList(1, 3));
    List<ShellcheckRequest> fresh =
        ShellcheckScripts.requests(
            SemanticModel.of(DockerfileReader.parse(edited), BuildOptions.defaults()));
    assertThat(after.stream().map(ShellcheckScripts.Prepared::request).toList()).isEqualTo(fresh);
    assertThat(after.stream().map(p -> p.request().key()).toList())
        .isEqualTo(fresh.stream().map(ShellcheckRequest::key).toList());
  }

  @Test
  void aRequestsKeyIsTheDigestOfDialectAndScriptComputedOnce() {
    ShellcheckRequest r = new ShellcheckRequest("echo hi\n", "sh");
    assertThat(r.key())
        // printf 'sh\0echo hi\n' | sha256sum
        .isEqualTo("9db8a867ed194fa4b259eb1a781a2df35d9f5cf06d31e4abcae2c4879b1ad3b7")
        .isEqualTo(new ShellcheckRequest("echo hi\n", "sh").key())
        .isNotEqualTo(new ShellcheckRequest("echo hi\n", "bash").key())
        .isNotEqualTo(new ShellcheckRequest("echo ho\n", "sh").key())
        .isSameAs(r.key());
  }

  /** {@code ENV =x} puts a variable without a name in scope; a RUN after it was checked forever. */
  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aVariableWithoutANameIsNotOnTheExportLine() {
    String text = "FROM alpine\nENV =x\nRUN echo hi\n";
    SemanticModel m = SemanticModel.of(DockerfileReader.parse(text), BuildOptions.defaults());
    assertThat(ShellcheckScripts.requests(m))
        .singleElement()
        .extracting(ShellcheckRequest::script)
        .isEqualTo("echo hi\n");
    assertThat(ShellcheckScripts.uses("echo hi", "")).isFalse();
    assertThat(ShellcheckScripts.uses("echo $hi", "hi")).isTrue();
  }
}
