package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** --fix, --unsafe-fixes and --diff on the fixtures in src/test/resources/fix. */
class FixCliTest {
  @TempDir Path dir;

  static Stream<String> fixtures() {
    return Stream.of("maintainer", "unused-suppression", "crlf", "bom");
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in = FixCliTest.class.getResourceAsStream("/fix/" + name)) {
      assertThat(in).as("fixture %s", name).isNotNull();
      return in.readAllBytes();
    }
  }

  private Path copy(String fixture) throws IOException {
    Path p = dir.resolve(fixture + ".Dockerfile");
    Files.write(p, resource(fixture + ".before.Dockerfile"));
    return p;
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void fixRoundTripMatchesTheExpectedFileAndIsIdempotent(String fixture) throws IOException {
    Path p = copy(fixture);
    CliRun r = CliRun.run("--fix", p.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("No problems");
    byte[] expected = resource(fixture + ".after.Dockerfile");
    assertThat(Files.readAllBytes(p)).isEqualTo(expected);
    CliRun again = CliRun.run("--fix", p.toString());
    assertThat(again.exit()).isZero();
    assertThat(Files.readAllBytes(p)).isEqualTo(expected);
  }

  @Test
  void fixKeepsTheFileModeAndLeavesNoTemporaryFile() throws IOException {
    Path p = copy("maintainer");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-x---"));
    CliRun.run("--fix", p.toString());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)))
        .isEqualTo("rwxr-x---");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(p);
    }
  }

  @Test
  void fixFollowsASymbolicLink() throws IOException {
    Path real = copy("maintainer");
    Path link = dir.resolve("Dockerfile");
    Files.createSymbolicLink(link, real.getFileName());
    CliRun.run("--fix", link.toString());
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).contains("LABEL org.opencontainers.image.authors");
  }

  @Test
  void unfixableFindingsRemainAndFailTheRun() throws IOException {
    Path p = dir.resolve("Dockerfile");
    Files.writeString(p, "FROM alpine\nMAINTAINER me\nRUN a \\\n\n  b\n");
    CliRun r = CliRun.run("--fix", p.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("DKL0003").doesNotContain("DKL4000");
    assertThat(Files.readString(p)).startsWith("FROM alpine\nLABEL ");
  }

  @Test
  void diffPrintsTheFixesWithoutWriting() throws IOException {
    Path p = copy("maintainer");
    byte[] before = Files.readAllBytes(p);
    CliRun r = CliRun.run("--diff", p.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .isEqualTo(
            "--- a/"
                + p
                + "\n+++ b/"
                + p
                + "\n@@ -1,3 +1,3 @@\n FROM alpine:3.20\n-MAINTAINER Jane Doe <jane@example.com>\n"
                + "+LABEL org.opencontainers.image.authors=\"Jane Doe <jane@example.com>\"\n"
                + " RUN echo hi\n");
    assertThat(Files.readAllBytes(p)).isEqualTo(before);
  }

  @Test
  void diffIsEmptyAndZeroWhenNothingToFix() throws IOException {
    Path p = dir.resolve("Dockerfile");
    Files.writeString(p, "FROM alpine\n");
    CliRun r = CliRun.run("--diff", p.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEmpty();
  }

  @Test
  void diffWorksOnStandardInput() {
    CliRun r =
        CliRun.runWithStdin(
            "FROM a\nMAINTAINER me\n", "--diff", "--stdin-filename", "svc/Dockerfile", "-");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).startsWith("--- a/svc/Dockerfile\n+++ b/svc/Dockerfile\n");
  }

  @Test
  void conflictingFlagsAreOneLineUsageErrors() throws IOException {
    String f = copy("maintainer").toString();
    assertUsage(CliRun.run("--unsafe-fixes", f), "--unsafe-fixes needs --fix or --diff");
    assertUsage(
        CliRun.runWithStdin("FROM a\n", "--fix", "-"), "--fix cannot write to standard input");
    assertUsage(CliRun.run("--diff", "--format", "json", f), "--diff prints a diff, not a report");
  }

  private static void assertUsage(CliRun r, String message) {
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().lines().findFirst().orElse("")).startsWith("dockerlint: " + message);
    assertThat(r.err()).doesNotContain("\tat ");
  }

  @Test
  void unifiedDiffHasHunksWithContext() {
    StringBuilder a = new StringBuilder();
    for (int i = 1; i <= 20; i++) {
      a.append("line ").append(i).append('\n');
    }
    String b = a.toString().replace("line 2\n", "line two\n").replace("line 18\n", "");
    assertThat(UnifiedDiff.diff("f", a.toString(), b))
        .isEqualTo(
            "--- a/f\n+++ b/f\n@@ -1,5 +1,5 @@\n line 1\n-line 2\n+line two\n line 3\n line 4\n"
                + " line 5\n@@ -15,6 +15,5 @@\n line 15\n line 16\n line 17\n-line 18\n line 19\n"
                + " line 20\n");
    assertThat(UnifiedDiff.diff("f", "a", "b"))
        .isEqualTo(
            "--- a/f\n+++ b/f\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+b\n"
                + "\\ No newline at end of file\n");
  }
}
