package dev.dockerlint.shellcheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.config.Config;
import dev.dockerlint.config.RuleRef;
import dev.dockerlint.engine.Linter;
import dev.dockerlint.registry.RuleRegistry;
import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.shellcheck.Shellcheck;
import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.syntax.DockerfileReader;
import dev.dockerlint.testing.Tools;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ShellCheck through its executable: batches, the cache, SC codes in suppressions and settings. */
class ShellcheckTest {
  static final RuleRegistry RULES = new RuleRegistry(List.of(new Shellcheck()));
  static final String POSIX_BRACKETS = "FROM debian:12\nRUN [[ -n \"$x\" ]] && echo ok\n";

  @BeforeEach
  void needsShellcheck() {
    Tools.requireShellcheck();
  }

  private static List<String> lint(String text, Config config) {
    List<Diagnostic> ds =
        new Linter(RULES, config)
            .lint("Dockerfile", text, BuildOptions.defaults(), Optional.empty())
            .diagnostics();
    return ds.stream()
        .map(d -> d.rule().code() + "@" + (d.range().start().line() + 1) + " " + d.message())
        .toList();
  }

  @Test
  void findingsAnswerToTheirScCode() {
    assertThat(lint(POSIX_BRACKETS, Config.none())).singleElement().asString().contains("SC3010");
    assertThat(
            lint(
                "FROM debian:12\n# hadolint ignore=SC3010\nRUN [[ -n \"$x\" ]] && echo ok\n",
                Config.none()))
        .isEmpty();
    assertThat(lint(POSIX_BRACKETS, Config.builder().ignore(new RuleRef("SC3010", 1)).build()))
        .isEmpty();
  }

  @Test
  void offMeansOff() {
    assertThat(lint(POSIX_BRACKETS, Config.builder().shellcheck(Config.ShellcheckMode.OFF).build()))
        .isEmpty();
  }

  @Test
  void manyScriptsAreCheckedInFewProcessesAndOnce() {
    ShellcheckRunner runner = new ShellcheckRunner(ShellcheckRunner.shared().executable());
    List<ShellcheckRequest> requests = new ArrayList<>();
    for (int i = 0; i < 450; i++) {
      requests.add(new ShellcheckRequest("echo $x" + i + "\n", "sh"));
    }
    requests.add(new ShellcheckRequest("[[ 1 ]]\n", "bash"));
    runner.prefetch(requests);
    assertThat(runner.processesStarted()).isEqualTo(4); // 200 + 200 + 50 sh, 1 bash
    assertThat(runner.check(requests)).hasSize(451);
    assertThat(runner.processesStarted()).isEqualTo(4);
  }

  @Test
  void argAndEnvNamesInScopeAreNotUnassigned() {
    String text =
        "FROM debian:12\nARG dir=/opt\nENV lower=1\nRUN echo \"$dir\" \"$lower\" \"$other\"\n";
    assertThat(lint(text, Config.none())).singleElement().asString().contains("SC2154: other is");
    SemanticModel m = SemanticModel.of(DockerfileReader.parse(text), BuildOptions.defaults());
    assertThat(ShellcheckScripts.requests(m).get(0).script())
        .startsWith("export ")
        .contains(" dir=1 ");
  }
}
