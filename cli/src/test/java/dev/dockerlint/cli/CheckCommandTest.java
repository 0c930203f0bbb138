package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  @Test
  void findingsExitWithOneAndShowTheSourceLine() throws IOException {
    Path f = write("Dockerfile", "FROM alpine:3.20\nMAINTAINER me\n");
    CliRun r = CliRun.run(f.toString());
    assertThat(r.exit()).isEqualTo(ExitCode.FINDINGS);
    assertThat(r.out()).contains(f + ":2:1: warning DKL4000 maintainer-deprecated");
    assertThat(r.out()).contains("  MAINTAINER me\n  ^~~~~~~~~~\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void cleanFileExitsWithZero() throws IOException {
    CliRun r = CliRun.run(write("Dockerfile", "FROM alpine:3.20\nUSER 1000\n").toString());
    assertThat(r.exit()).isEqualTo(ExitCode.CLEAN);
    assertThat(r.out()).contains("No problems in 1 file");
  }

  @Test
  void thresholdAboveTheFindingsExitsWithZero() throws IOException {
    Path f = write("Dockerfile", "FROM alpine:3.20\nMAINTAINER me\n");
    assertThat(CliRun.run("--failure-threshold", "error", f.toString()).exit())
        .isEqualTo(ExitCode.CLEAN);
    assertThat(CliRun.run("--failure-threshold", "none", f.toString()).exit())
        .isEqualTo(ExitCode.CLEAN);
  }

  @Test
  void jsonOutputFollowsTheContract() throws IOException {
    Path f = write("Dockerfile", "FROM alpine:3.20\nMAINTAINER me\n");
    CliRun r = CliRun.run("--format", "json", f.toString());
    JsonNode root = JSON.readTree(r.out());
    assertThat(root.fieldNames()).toIterable().containsExactly("files");
    JsonNode file = root.get("files").get(0);
    assertThat(file.get("path").asText()).isEqualTo(f.toString());
    JsonNode d = file.get("diagnostics").get(0);
    List<String> fields = new ArrayList<>();
    d.fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .containsExactly(
            "code",
            "name",
            "aliases",
            "severity",
            "line",
            "column",
            "endLine",
            "endColumn",
            "message",
            "predicts");
    assertThat(d.get("code").asText()).isEqualTo("DKL4000");
    assertThat(d.get("aliases").get(0).asText()).isEqualTo("DL4000");
    assertThat(d.get("line").asInt()).isEqualTo(2);
    assertThat(d.get("column").asInt()).isEqualTo(1);
    assertThat(d.get("endColumn").asInt()).isEqualTo(11);
    assertThat(d.get("predicts").isNull()).isTrue();
  }

  @Test
  void missingFileIsAOneLineErrorAndTheOtherFilesAreStillLinted() throws IOException {
    Path good = write("Dockerfile", "FROM alpine:3.20\nMAINTAINER me\n");
    CliRun r = CliRun.run("--format", "json", dir.resolve("nope").toString(), good.toString());
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err().strip())
        .isEqualTo(
            "dockerlint: cannot read '" + dir.resolve("nope") + "': no such file or directory");
    JsonNode files = JSON.readTree(r.out()).get("files");
    assertThat(files.get(0).get("error").asText()).contains("no such file");
    assertThat(files.get(1).get("diagnostics")).hasSize(1);
  }

  @Test
  void directoryWithoutDockerfilesIsAnInputError() throws IOException {
    write("sub/readme.txt", "hello");
    CliRun r = CliRun.run(dir.resolve("sub").toString());
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).startsWith("dockerlint: no Dockerfile in").doesNotContain("Exception");
    assertThat(r.err().strip().lines()).hasSize(1);
  }

  @Test
  void binaryFileIsRefused() throws IOException {
    Path p = dir.resolve("Dockerfile");
    Files.write(p, new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1});
    CliRun r = CliRun.run(p.toString());
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err().strip())
        .isEqualTo("dockerlint: '" + p + "' is not a Dockerfile: it is a binary file");
  }

  @Test
  void invalidUtf8IsRefused() throws IOException {
    Path p = dir.resolve("Dockerfile");
    Files.write(p, new byte[] {'F', 'R', 'O', 'M', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
    CliRun r = CliRun.run(p.toString());
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("is not UTF-8 text");
  }

  @Test
  void hugeFileIsRefusedWithoutReadingIt() throws IOException {
    Path p = dir.resolve("Dockerfile");
    try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
      f.setLength(50L * 1024 * 1024);
    }
    Path good = write("ok/Dockerfile", "FROM alpine:3.20\n");
    CliRun r = CliRun.run(p.toString(), good.toString());
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err().strip())
        .startsWith("dockerlint: '" + p + "' is not a Dockerfile: it is too large (52.4 MB");
    assertThat(r.out()).contains("in 1 file; 1 was not read");
  }

  @Test
  void standardInputIsLintedUnderItsGivenName() {
    CliRun r =
        CliRun.runWithStdin(
            "FROM alpine:3.20\nMAINTAINER me\n", "--stdin-filename", "svc/Dockerfile", "-");
    assertThat(r.exit()).isEqualTo(ExitCode.FINDINGS);
    assertThat(r.out()).contains("svc/Dockerfile:2:1:");
  }

  @Test
  void directoriesAreSearchedForDockerfileNames() throws IOException {
    for (String n :
        List.of(
            "Dockerfile",
            "api.Dockerfile",
            "Dockerfile.prod",
            "Containerfile",
            "docs/notes.md",
            "Dockerfile.dockerignore",
            ".git/Dockerfile")) {
      write(n, n.endsWith(".md") ? "x" : "FROM alpine:3.20\n");
    }
    CliRun r = CliRun.run("--format", "json", dir.toString());
    List<String> paths = new ArrayList<>();
    JSON.readTree(r.out())
        .get("files")
        .forEach(f -> paths.add(dir.relativize(Path.of(f.get("path").asText())).toString()));
    assertThat(paths)
        .containsExactlyInAnyOrder(
            "Dockerfile", "api.Dockerfile", "Dockerfile.prod", "Containerfile");
  }

  @Test
  void unknownFormatIsAUsageError() throws IOException {
    CliRun r = CliRun.run("--format", "xml", write("Dockerfile", "FROM alpine:3.20\n").toString());
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).startsWith("dockerlint: unknown --format 'xml'").doesNotContain("at dev.");
  }

  @Test
  void invalidPlatformIsAUsageError() throws IOException {
    CliRun r =
        CliRun.run("--platform", "linux//", write("Dockerfile", "FROM alpine:3.20\n").toString());
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("invalid --platform 'linux//'");
  }

  @Test
  void unknownOptionIsAUsageError() {
    CliRun r = CliRun.run("--bogus");
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("Unknown option: '--bogus'");
  }

  @Test
  void helpListsTheExitCodes() {
    CliRun r = CliRun.run("check", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Exit codes:", "3  internal error");
  }
}
