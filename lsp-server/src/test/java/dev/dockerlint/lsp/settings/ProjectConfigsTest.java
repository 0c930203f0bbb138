package dev.dockerlint.lsp.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectConfigsTest {
  @TempDir Path dir;

  private final AtomicLong now = new AtomicLong();
  private final List<String> warnings = new ArrayList<>();

  private ProjectConfigs configs() {
    return new ProjectConfigs(
        Map.of("HOME", dir.resolve("home").toString()), warnings::add, now::get);
  }

  private Optional<Path> dockerfile(String folder) throws IOException {
    return Optional.of(Files.createDirectories(dir.resolve(folder)).resolve("Dockerfile"));
  }

  private static void write(Path p, String text, long secondsAfterEpoch) throws IOException {
    Files.writeString(p, text);
    Files.setLastModifiedTime(p, FileTime.from(Instant.ofEpochSecond(secondsAfterEpoch)));
  }

  @Test
  void theNearestConfigurationAboveTheDockerfileApplies() throws IOException {
    write(dir.resolve(".dockerlint.yaml"), "build-args:\n  A: top\n", 1);
    ProjectConfigs c = configs();
    Config found = c.forFile(dockerfile("svc/api"));
    assertThat(found.buildArgs()).containsEntry("A", "top");
    assertThat(c.forFile(Optional.empty())).isEqualTo(Config.none());
  }

  @Test
  void aChangedFileIsReadAgainAtOnceAndTheGenerationMoves() throws IOException {
    Path yaml = dir.resolve(".dockerlint.yaml");
    write(yaml, "build-args:\n  A: one\n", 1);
    ProjectConfigs c = configs();
    Optional<Path> df = dockerfile("app");
    assertThat(c.forFile(df).buildArgs()).containsEntry("A", "one");
    long g = c.generation();
    write(yaml, "build-args:\n  A: two\n", 2);
    // The file found is checked on every call: a new version is read at once.
    assertThat(c.forFile(df).buildArgs()).containsEntry("A", "two");
    assertThat(c.generation()).isNotEqualTo(g);
  }

  @Test
  void aConfigurationCreatedNearerIsFoundOnceTheSearchIsRepeated() throws IOException {
    write(dir.resolve(".dockerlint.yaml"), "build-args:\n  A: top\n", 1);
    ProjectConfigs c = configs();
    Optional<Path> df = dockerfile("app");
    assertThat(c.forFile(df).buildArgs()).containsEntry("A", "top");
    long g = c.generation();
    write(dir.resolve("app/.dockerlint.yaml"), "build-args:\n  A: near\n", 2);
    assertThat(c.forFile(df).buildArgs())
        .as("search results are trusted for a while")
        .containsEntry("A", "top");
    now.addAndGet(ProjectConfigs.RECHECK_NANOS + 1);
    assertThat(c.forFile(df).buildArgs()).containsEntry("A", "near");
    assertThat(c.generation()).isNotEqualTo(g);
    g = c.generation();
    Files.delete(dir.resolve("app/.dockerlint.yaml"));
    c.invalidate();
    assertThat(c.forFile(df).buildArgs()).containsEntry("A", "top");
    assertThat(c.generation()).isNotEqualTo(g);
  }

  @Test
  void aMalformedFileIsReportedOncePerVersionAndCountsAsNone() throws IOException {
    Path yaml = dir.resolve(".dockerlint.yaml");
    write(yaml, "ignore: [unclosed\n", 1);
    ProjectConfigs c = configs();
    Optional<Path> df = dockerfile("app");
    assertThat(c.forFile(df)).isEqualTo(Config.none());
    assertThat(c.forFile(df)).isEqualTo(Config.none());
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0)).contains(yaml.toString()).contains("not applied");
    write(yaml, "ignore: [DL4000]\n", 2);
    assertThat(c.forFile(df).ignore()).hasSize(1);
    assertThat(warnings).hasSize(1);
  }
}
