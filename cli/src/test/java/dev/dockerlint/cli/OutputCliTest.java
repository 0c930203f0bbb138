package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** --format and -o on the command line (the formats' exact output is snapshot-tested in core). */
class OutputCliTest {
  @TempDir Path dir;

  private String bad() throws IOException {
    Path p = dir.resolve("Dockerfile");
    Files.writeString(p, "FROM alpine:3.20\nMAINTAINER me\n");
    return p.toString();
  }

  @ParameterizedTest
  @CsvSource({
    "tty, 'Dockerfile:2:1: warning DKL4000'",
    "json, '{\"files\":[{'",
    "sarif, '\"version\" : \"2.1.0\"'",
    "checkstyle, '<checkstyle version='",
    "gitlab, '\"check_name\":\"DKL4000 maintainer-deprecated\"'",
    "github, '::warning file='",
    "gnu, 'Dockerfile:2.1-2.10: warning:'",
    "junit, '<testsuites name=\"dockerlint\"'"
  })
  void everyFormatIsAvailable(String format, String expected) throws IOException {
    CliRun r = CliRun.run("--format", format, bad());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains(expected);
  }

  @Test
  void eachFormatGoesToTheFileAfterIt() throws IOException {
    Path sarif = dir.resolve("out.sarif");
    Path json = dir.resolve("out.json");
    CliRun r =
        CliRun.run(
            "--format",
            "sarif",
            "-o",
            sarif.toString(),
            "--format",
            "json",
            "--output-file",
            json.toString(),
            "--format",
            "gnu",
            bad());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains(": warning: MAINTAINER").doesNotContain("\"files\"");
    assertThat(new ObjectMapper().readTree(sarif.toFile()).get("version").asText())
        .isEqualTo("2.1.0");
    assertThat(new ObjectMapper().readTree(json.toFile()).get("files")).hasSize(1);
  }

  @Test
  void twoFormatsOnStandardOutputConflict() throws IOException {
    CliRun r = CliRun.run("--format", "json", "--format", "gnu", bad());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("dockerlint: only one --format can write to standard output");
  }

  @Test
  void outputFileThatCannotBeWrittenIsAUsageError() throws IOException {
    CliRun r =
        CliRun.run("--format", "json", "-o", dir.resolve("no/such/dir/x.json").toString(), bad());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip()).startsWith("dockerlint: cannot write '").doesNotContain("\tat ");
  }

  @Test
  void coloursOnlyOnATerminalWithoutNoColor() throws IOException {
    String f = bad();
    assertThat(CliRun.runWithEnv(new Env(Map.of(), true), f).out()).contains("\u001b[");
    assertThat(CliRun.runWithEnv(new Env(Map.of(), false), f).out()).doesNotContain("\u001b[");
    assertThat(CliRun.runWithEnv(new Env(Map.of("NO_COLOR", "1"), true), f).out())
        .doesNotContain("\u001b[");
    assertThat(CliRun.runWithEnv(new Env(Map.of(), true), "--no-color", f).out())
        .doesNotContain("\u001b[");
  }

  @Test
  void ttyShowsTheFixHintAndSummary() throws IOException {
    CliRun r = CliRun.run(bad());
    assertThat(r.out())
        .contains("  fix: Replace with an authors LABEL (--fix)")
        .endsWith("1 problem (0 errors) in 1 file; 1 fixable with --fix\n");
  }
}
