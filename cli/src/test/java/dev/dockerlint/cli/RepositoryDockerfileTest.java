package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  @Test
  void copiesEveryModuleTheBuildOfTheCliNeeds() throws Exception {
    String pom = Files.readString(Path.of("..", "pom.xml"));
    String defaultModules = pom.substring(pom.indexOf("<modules>"), pom.indexOf("</modules>"));
    Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(defaultModules);
    String text = Files.readString(DOCKERFILE);
    int modules = 0;
    while (module.find()) {
      modules++;
      String dir = module.group(1);
      assertThat(text)
          .as(dir)
          .containsPattern("(?m)^COPY " + Pattern.quote(dir + "/ " + dir + "/") + "$");
    }
    assertThat(modules).isGreaterThan(3);
  }

  @Test
  void trainsItsAppCdsArchivesAsTheBuildDoes() throws Exception {
    String text = Files.readString(DOCKERFILE);
    String launcher = Files.readString(Path.of("src", "docker", "dockerlint"));
    assertThat(text)
        .contains("-XX:DumpLoadedClassList=")
        .contains("dev.dockerlint.cli.CdsTraining --class-list")
        .contains("-Xshare:dump")
        .contains("-XX:ArchiveClassesAtExit=/opt/dockerlint/dockerlint.jsa");
    assertThat(launcher)
        .contains(
            "-XX:SharedArchiveFile=/opt/dockerlint/dockerlint-base.jsa:/opt/dockerlint/dockerlint.jsa");
  }
}
