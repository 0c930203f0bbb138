package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockerlint.config.ByteSize;
import dev.dockerlint.testkit.Fixtures;
import dev.dockerlint.testkit.FixturesExtension;
import dev.dockerlint.testkit.ImageTarball;
import dev.dockerlint.testkit.ManifestFormat;
import dev.dockerlint.testkit.Platform;
import dev.dockerlint.testkit.Registry;
import dev.dockerlint.testkit.RegistryExtension;
import dev.dockerlint.testkit.TestRegistries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

class ImageOptionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path dockerfile(String text) throws IOException {
    Path p = dir.resolve("Dockerfile");
    Files.writeString(p, text);
    return p;
  }

  @Test
  void byteSizesTakeBinarySuffixes() {
    assertThat(ByteSize.parse("123")).contains(123L);
    assertThat(ByteSize.parse("500M")).contains(500L << 20);
    assertThat(ByteSize.parse("2G")).contains(2L << 30);
    assertThat(ByteSize.parse("2GiB")).contains(2L << 30);
    assertThat(ByteSize.parse("64k")).contains(64L << 10);
    assertThat(ByteSize.parse("12X")).isEmpty();
    assertThat(ByteSize.parse("-1")).isEmpty();
  }

  @Test
  void anUnknownImageSourceIsAUsageError() throws IOException {
    CliRun r = CliRun.run("--image-source", "hub", dockerfile("FROM alpine\n").toString());
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("invalid --image-source 'hub'");
  }

  @Test
  void aBadSizeIsAUsageError() throws IOException {
    CliRun r =
        CliRun.run("--image-files-max-bytes", "lots", dockerfile("FROM alpine\n").toString());
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("invalid --image-files-max-bytes 'lots'");
  }

  @Test
  void imagesThatCannotBeInspectedAreNamedButDoNotFailTheRun() throws IOException {
    CliRun r =
        CliRun.run(
            "--image-source",
            "registry",
            "--offline",
            "--format",
            "json",
            dockerfile("FROM alpine:3.20\n").toString());
    assertThat(r.exit()).isEqualTo(ExitCode.CLEAN);
    JsonNode d = JSON.readTree(r.out()).path("files").path(0).path("diagnostics").path(0);
    assertThat(d.path("code").asText()).isEqualTo("DKL1501");
    assertThat(d.path("severity").asText()).isEqualTo("info");
    assertThat(d.path("message").asText()).contains("alpine:3.20").contains("--offline");
  }

  @Test
  void imageSourceNoneIsSilent() throws IOException {
    CliRun r = CliRun.run("--image-source", "none", dockerfile("FROM alpine:3.20\n").toString());
    assertThat(r.exit()).isEqualTo(ExitCode.CLEAN);
    assertThat(r.out()).doesNotContain("DKL1501");
  }

  @Test
  @ExtendWith({RegistryExtension.class, FixturesExtension.class})
  void checkReportsAnIndexWithoutThePlatformFromARealRegistry(TestRegistries regs, Fixtures f)
      throws IOException {
    Registry reg = regs.anonymous();
    String repo = "dockerlint-cli/i" + UUID.randomUUID().toString().substring(0, 8);
    ImageTarball arm =
        ImageTarball.builder()
            .platform(Platform.LINUX_ARM64)
            .layer(f.busyboxLayer("arm64"))
            .build();
    reg.pushIndex(repo, "1", ManifestFormat.OCI, List.of(Registry.IndexEntry.of(arm)));
    Path df = dockerfile("FROM " + reg.reference(repo, "1") + "\nRUN true\n");
    CliRun r =
        CliRun.run(
            "--image-source",
            "registry",
            "--platform",
            "linux/amd64",
            "--format",
            "json",
            df.toString());
    assertThat(r.exit()).isEqualTo(ExitCode.FINDINGS);
    JsonNode d = JSON.readTree(r.out()).path("files").path(0).path("diagnostics").path(0);
    assertThat(d.path("code").asText()).isEqualTo("DKL1502");
    assertThat(d.path("aliases").toString()).contains("InvalidBaseImagePlatform");
    assertThat(d.path("message").asText())
        .contains("offers no variant for platform \"linux/amd64\"");
    CliRun image =
        CliRun.run(
            "image",
            "--image-source",
            "registry",
            "--platform",
            "linux/arm64",
            "--facts",
            "--files",
            reg.reference(repo, "1"));
    assertThat(image.exit()).isEqualTo(ExitCode.CLEAN);
    JsonNode facts = JSON.readTree(image.out());
    assertThat(facts.path("platform").asText()).isEqualTo("linux/arm64");
    assertThat(facts.path("files").path("executables").asInt()).isEqualTo(1);
    assertThat(Optional.of(facts.path("imageId").asText())).hasValue(arm.id().toString());
  }
}
