package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** dockerlint's own image: multi-stage, exec-form ENTRYPOINT, non-root, and clean by its rules. */
class RepositoryDockerfileTest {
  static final Path DOCKERFILE = Path.of("..", "Dockerfile");

  @Test
  void passesDockerlintItself() {
    CliRun r = CliRun.run("--failure-threshold", "style", DOCKERFILE.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("No problems in 1 file");
  }

  @Test
  void isMultiStageWithAnExecFormEntrypointAndANonRootUser() throws Exception {
    String text = Files.readString(DOCKERFILE);
    assertThat(text.lines().filter(l -> l.startsWith("FROM ")).count()).isGreaterThan(1);
    assertThat(text).containsPattern("(?m)^ENTRYPOINT \\[\"/usr/local/bin/dockerlint\"\\]$");
    assertThat(text).containsPattern("(?m)^USER [1-9][0-9]*:[1-9][0-9]*$");
  }
}
