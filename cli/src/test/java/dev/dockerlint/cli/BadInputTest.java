package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad input matrix: each way an input or flag can be wrong gives one line on standard error,
 * the right exit code and no stack trace.
 */
class BadInputTest {
  @TempDir Path dir;

  private Path write(String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.write(p, bytes);
    return p;
  }

  private Path write(String name, String text) throws IOException {
    return write(name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static void oneLine(CliRun r, int exit, String startsWith) {
    assertThat(r.exit()).as(r.err()).isEqualTo(exit);
    assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
    assertThat(r.err()).startsWith("dockerlint: " + startsWith);
    assertThat(r.err()).doesNotContain("\tat ", "Exception");
  }

  @Test
  void missingPath() {
    Path p = dir.resolve("nope/Dockerfile");
    oneLine(CliRun.run(p.toString()), 2, "cannot read '" + p + "': no such file or directory");
  }

  @Test
  void theSummarySaysHowManyFilesWereNotRead() throws IOException {
    Path missing = dir.resolve("nope/Dockerfile");
    Path good = write("Dockerfile", "FROM a:1\nMAINTAINER me\n");
    CliRun r = CliRun.run(missing.toString(), good.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).contains("1 problem (0 errors) in 1 file;").endsWith("; 1 was not read\n");
    CliRun alone = CliRun.run(missing.toString());
    assertThat(alone.out()).isEqualTo("No problems in 0 files; 1 was not read\n");
  }

  @Test
  void fileThatCannotBeOpened() throws IOException {
    Path loop = dir.resolve("Dockerfile");
    Files.createSymbolicLink(loop, loop.getFileName());
    oneLine(CliRun.run(loop.toString()), 2, "cannot read '" + loop + "': ");
  }

  @Test
  void directoryWithoutDockerfiles() throws IOException {
    write("docs/readme.md", "hi");
    oneLine(CliRun.run(dir.resolve("docs").toString()), 2, "no Dockerfile in '");
  }

  @Test
  void binaryFile() throws IOException {
    Path p = write("Dockerfile", new byte[] {0x7f, 'E', 'L', 'F', 0, 1});
    oneLine(CliRun.run(p.toString()), 2, "'" + p + "' is not a Dockerfile: it is a binary file");
  }

  @Test
  void nonUtf8File() throws IOException {
    Path p = write("Dockerfile", new byte[] {'F', 'R', 'O', 'M', ' ', (byte) 0xff, '\n'});
    oneLine(CliRun.run(p.toString()), 2, "'" + p + "' is not a Dockerfile: it is not UTF-8 text");
  }

  @Test
  void unknownRuleCodeInConfigIsAWarning() throws IOException {
    write(".dockerlint.yaml", "ignore: [NOPE1]\n");
    CliRun r = CliRun.run(write("Dockerfile", "FROM a:1\n").toString());
    oneLine(r, 0, "warning: ");
    assertThat(r.err()).contains("unknown rule 'NOPE1'");
  }

  @Test
  void unknownRuleCodeInPragmaIsAWarningDiagnostic() throws IOException {
    CliRun r =
        CliRun.run(write("Dockerfile", "FROM a:1\n# dockerlint ignore=NOPE1\nRUN x\n").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("warning DKL0011 unknown-rule-in-suppression: Unknown rule 'NOPE1'");
  }

  @Test
  void malformedYaml() throws IOException {
    Path cfg = write(".dockerlint.yaml", "severity:\n  DKL4000: [error\n");
    oneLine(CliRun.run(write("Dockerfile", "FROM a:1\n").toString()), 2, cfg + ":");
  }

  @Test
  void unknownFormat() throws IOException {
    CliRun r = CliRun.run("--format", "xml", write("Dockerfile", "FROM a:1\n").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("dockerlint: unknown --format 'xml'").doesNotContain("\tat ");
  }

  @Test
  void conflictingFlags() throws IOException {
    CliRun r = CliRun.run("--unsafe-fixes", write("Dockerfile", "FROM a:1\n").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("dockerlint: --unsafe-fixes needs --fix or --diff\n");
  }

  @Test
  void outputOptionWithoutFormat() throws IOException {
    CliRun r =
        CliRun.run("-o", dir.resolve("x").toString(), write("Dockerfile", "FROM a:1\n").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("dockerlint: ").doesNotContain("\tat ");
  }
}
