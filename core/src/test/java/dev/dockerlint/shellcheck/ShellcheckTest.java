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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    assertThat(runner.processesStarted()).isEqualTo(6); // 100 + 100 + 100 + 100 + 50 sh, 1 bash
    assertThat(runner.check(requests)).hasSize(451);
    assertThat(runner.processesStarted()).isEqualTo(6);
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

  @Test
  void scriptsPrefetchedInTheBackgroundAreNotCheckedAgain() {
    ShellcheckRunner runner = new ShellcheckRunner(ShellcheckRunner.shared().executable());
    List<ShellcheckRequest> requests = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      requests.add(new ShellcheckRequest("echo $y" + i + "\n", "sh"));
    }
    runner.prefetchAsync(requests);
    assertThat(runner.check(requests)).hasSize(10);
    assertThat(runner.check(requests.subList(0, 3))).hasSize(3);
    assertThat(runner.processesStarted()).isEqualTo(1);
  }

  @Test
  void aFailingShellcheckIsNamedAndTriedAgain(@TempDir Path dir) throws IOException {
    Path fake = dir.resolve("shellcheck");
    Files.writeString(
        fake, "#!/bin/sh\n[ \"$1\" = --version ] && { echo 'version: 0.0'; exit 0; }\nexit 4\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    ShellcheckRunner runner = new ShellcheckRunner(Optional.of(fake));
    ShellcheckRequest r = new ShellcheckRequest("echo hi\n", "sh");
    assertThat(runner.check(List.of(r))).isEmpty();
    assertThat(runner.failure(r)).hasValue("shellcheck failed with exit code 4");
    assertThat(runner.check(List.of(r))).isEmpty();
    assertThat(runner.processesStarted()).isEqualTo(2);
  }

  @Test
  void theExportLineNamesOnlyTheVariablesTheScriptUses() {
    String text = "FROM debian:12\nARG a=1\nARG ab=2\nRUN echo $((ab + 1))\nRUN echo hi\n";
    SemanticModel m = SemanticModel.of(DockerfileReader.parse(text), BuildOptions.defaults());
    List<ShellcheckRequest> requests = ShellcheckScripts.requests(m);
    assertThat(requests.get(0).script()).startsWith("export ab=1\n");
    assertThat(requests.get(1).script()).isEqualTo("echo hi\n");
  }

  @Test
  void onlyTheFirstThousandScriptsOfAFileAreChecked() {
    StringBuilder text = new StringBuilder("FROM debian:12\n");
    for (int i = 0; i < ShellcheckScripts.MAX_PER_FILE + 2; i++) {
      text.append("RUN true\n");
    }
    text.append("RUN [[ -n \"$x\" ]]\n");
    assertThat(lint(text.toString(), Config.none()))
        .singleElement()
        .asString()
        .startsWith("DKL6000@1002 ShellCheck checked the first 1000 of the 1003 RUN scripts");
  }

  @Test
  void aLaterRunReadsTheFindingsOfEarlierRunsFromDisk(@TempDir Path cache) {
    Optional<java.nio.file.Path> exe = ShellcheckRunner.shared().executable();
    List<ShellcheckRequest> requests =
        List.of(
            new ShellcheckRequest("[[ -n $z ]]\n", "sh"), new ShellcheckRequest("true\n", "sh"));
    ShellcheckRunner first = new ShellcheckRunner(exe, Optional.of(cache));
    var found = first.check(requests);
    ShellcheckRunner later = new ShellcheckRunner(exe, Optional.of(cache));
    assertThat(later.check(requests)).isEqualTo(found);
    assertThat(found.get(requests.get(0))).isNotEmpty();
    assertThat(later.processesStarted()).isZero();
  }
}
