package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerlint.output.Formats;
import dev.dockerlint.testkit.Fixtures;
import dev.dockerlint.testkit.FixturesExtension;
import dev.dockerlint.testkit.ImageTarball;
import dev.dockerlint.testkit.Layer;
import dev.dockerlint.testkit.Platform;
import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code dockerlint image} on docker save archives: formats, exit codes, bad input. */
@ExtendWith(FixturesExtension.class)
class ImageCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** An amd64 image whose entrypoint is busybox for {@code arch}. */
  private String archive(Fixtures f, String arch, String name) {
    ImageTarball image =
        ImageTarball.builder()
            .platform(Platform.LINUX_AMD64)
            .layer(f.busyboxLayer("amd64"))
            .layer(
                Layer.builder()
                    .directory("/opt", 0755)
                    .copy("/opt/app", f.busybox(arch).file(), 0755)
                    .build())
            .entrypoint("/opt/app")
            .build();
    return "docker-archive:" + image.writeDockerArchive(dir.resolve(name));
  }

  @Test
  void aForeignBinaryIsAFindingInEveryFormat(Fixtures f) throws IOException {
    String ref = archive(f, "arm64", "bad.tar");
    for (String format : Formats.NAMES) {
      CliRun r = CliRun.run("image", "--format", format, "--image-source", "none", ref);
      assertThat(r.exit()).as(format).isEqualTo(ExitCode.FINDINGS);
      assertThat(r.out()).as(format).contains("DKL1600").contains("/opt/app");
    }
    CliRun json = CliRun.run("image", "--format", "json", "--image-source", "none", ref);
    JsonNode file = JSON.readTree(json.out()).path("files").path(0);
    assertThat(file.path("path").asText()).isEqualTo(ref + " (linux/amd64)");
    JsonNode d = file.path("diagnostics").path(0);
    assertThat(d.path("predicts").asText()).isEqualTo("exec format error");
    assertThat(d.path("image").path("path").asText()).isEqualTo("/opt/app");
    assertThat(d.path("image").path("found").asText()).isEqualTo("linux/arm64");
    assertThat(d.path("image").path("expected").asText()).isEqualTo("linux/amd64");
    CliRun sarif = CliRun.run("image", "--format", "sarif", "--image-source", "none", ref);
    JsonNode props =
        JSON.readTree(sarif.out()).path("runs").path(0).path("results").path(0).path("properties");
    assertThat(props.path("predicts").asText()).isEqualTo("exec format error");
    assertThat(props.path("pathInImage").asText()).isEqualTo("/opt/app");
  }

  @Test
  void aGoodImageExitsZero(Fixtures f) {
    CliRun r = CliRun.run("image", "--image-source", "none", archive(f, "amd64", "good.tar"));
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.CLEAN);
    assertThat(r.out()).contains("No problems");
  }

  @Test
  void aCompressedDockerSaveArchiveIsCheckedLikeTheTarItself(Fixtures f) throws IOException {
    String plain = archive(f, "arm64", "bad.tar");
    Path tar = Path.of(plain.substring("docker-archive:".length()));
    Path gz = dir.resolve("bad.tar.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(tar, out);
    }
    Path zst = dir.resolve("bad.tar.zst");
    try (OutputStream out = new ZstdOutputStream(Files.newOutputStream(zst))) {
      Files.copy(tar, out);
    }
    JsonNode expected = findings(CliRun.run("image", "--format", "json", plain));
    assertThat(expected.path(0).path("diagnostics")).isNotEmpty();
    for (Path compressed : List.of(gz, zst)) {
      CliRun r = CliRun.run("image", "--format", "json", "docker-archive:" + compressed);
      assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.FINDINGS);
      assertThat(findings(r)).isEqualTo(expected);
    }
    try (var left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith("dockerlint-archive-"));
    }
  }

  @Test
  void aBzip2ArchiveIsOneLineThatSaysWhatToDo() throws IOException {
    Path bz = dir.resolve("image.tar.bz2");
    Files.write(bz, new byte[] {'B', 'Z', 'h', '9', 0x31, 0x41, 0x59, 0x26});
    CliRun r = CliRun.run("image", "docker-archive:" + bz);
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err().strip().lines())
        .containsExactly(
            "dockerlint: docker-archive:"
                + bz
                + ": is bzip2-compressed, which is not supported; decompress it first");
  }

  /** The findings of a JSON report, without the image reference they name. */
  private static JsonNode findings(CliRun r) throws IOException {
    JsonNode report = JSON.readTree(r.out());
    for (JsonNode file : report.path("files")) {
      ((ObjectNode) file).remove("path");
      for (JsonNode d : file.path("diagnostics")) {
        ((ObjectNode) d.path("image")).remove("image");
      }
    }
    return report.path("files");
  }

  @Test
  void badInputIsOneLineExitTwoAndTheOtherImagesAreStillChecked(Fixtures f) {
    String missing = "docker-archive:" + dir.resolve("missing.tar");
    CliRun r =
        CliRun.run(
            "image",
            "--format",
            "json",
            "--image-source",
            "none",
            missing,
            archive(f, "arm64", "bad.tar"));
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err().strip().lines())
        .containsExactly("dockerlint: " + missing + ": no such file");
    assertThat(r.out()).contains("DKL1600");
  }

  @Test
  void factsOfALocalImageFileIsAUsageErrorThatSaysWhatToDo(Fixtures f) {
    CliRun r = CliRun.run("image", "--facts", archive(f, "amd64", "good.tar"));
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err().lines().findFirst().orElseThrow())
        .contains("--facts shows what Dockerfile rules see of a base image")
        .contains("check it without --facts");
  }

  @Test
  void anUnknownPlatformIsAUsageError() {
    CliRun r = CliRun.run("image", "--platform", "linux/", "x:1");
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("invalid --platform 'linux/'");
  }

  @Test
  void theConfigurationIgnoresImageChecksLikeDockerfileRules(Fixtures f) throws IOException {
    String ref = archive(f, "arm64", "bad.tar");
    Path config =
        java.nio.file.Files.writeString(dir.resolve("dockerlint.yaml"), "ignore: [DKL1600]\n");
    CliRun r = CliRun.run("image", "--config", config.toString(), "--image-source", "none", ref);
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.CLEAN);
    assertThat(r.out()).doesNotContain("DKL1600");
  }

  @Test
  void imageIgnoreAcceptsAFindingByPathAndImageOnly(Fixtures f) throws IOException {
    String ref = archive(f, "arm64", "bad.tar");
    Path elsewhere =
        Files.writeString(
            dir.resolve("elsewhere.yaml"),
            "image-ignore:\n  - rules: [DKL1600]\n    paths: [/usr/**]\n");
    CliRun kept = CliRun.run("image", "--config", elsewhere.toString(), ref);
    assertThat(kept.exit()).as(kept.out() + kept.err()).isEqualTo(ExitCode.FINDINGS);
    assertThat(kept.out()).contains("DKL1600").contains("/opt/app");

    Path here =
        Files.writeString(
            dir.resolve("here.yaml"),
            "image-ignore:\n  - rules: [image-foreign-binary]\n    images: ['docker-archive:**/bad.tar']\n    paths: [/opt/*]\n");
    CliRun accepted = CliRun.run("image", "--config", here.toString(), ref);
    assertThat(accepted.exit()).as(accepted.out() + accepted.err()).isEqualTo(ExitCode.CLEAN);
    assertThat(accepted.out()).doesNotContain("DKL1600");
    // the same entry does not cover another image with the same binary
    String other = archive(f, "arm64", "other.tar");
    CliRun otherImage = CliRun.run("image", "--config", here.toString(), other);
    assertThat(otherImage.exit()).isEqualTo(ExitCode.FINDINGS);
    assertThat(otherImage.out()).contains("DKL1600");
  }
}
