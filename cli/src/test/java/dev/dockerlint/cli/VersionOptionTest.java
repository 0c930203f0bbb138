package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionOptionTest {

  @ParameterizedTest
  @ValueSource(strings = {"check", "parse", "image", "rules", "explain", "lsp"})
  void everyCommandPrintsTheVersionOfDockerlint(String command) {
    CliRun top = CliRun.run("--version");
    assertThat(top.exit()).isZero();
    assertThat(top.out()).startsWith("dockerlint ");

    for (String option : new String[] {"-V", "--version"}) {
      CliRun sub = CliRun.run(command, option);
      assertThat(sub.exit()).isZero();
      assertThat(sub.out()).isEqualTo(top.out());
    }
  }
}
