package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paths on the command line: before, between and after options, after {@code --}, by the thousand.
 */
class PathArgumentsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private String dockerfile(String name) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, "FROM alpine:3.20\nMAINTAINER me\n");
    return p.toString();
  }

  private static List<String> linted(CliRun r) throws IOException {
    List<String> paths = new ArrayList<>();
    for (JsonNode f : JSON.readTree(r.out()).get("files")) {
      paths.add(f.get("path").asText());
    }
    return paths;
  }

  @Test
  void pathsAroundAndBetweenOptionsAreAllLintedInOrder() throws IOException {
    String a = dockerfile("a.Dockerfile");
    String b = dockerfile("b.Dockerfile");
    String c = dockerfile("c.Dockerfile");

    CliRun r =
        CliRun.run(
            a, b, "--format", "json", c, "--build-arg", "X=1", "--failure-threshold", "none");

    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.CLEAN);
    assertThat(linted(r)).containsExactly(a, b, c);
  }

  @Test
  void anOptionValueIsNotTakenForAPath() throws IOException {
    String a = dockerfile("a.Dockerfile");

    CliRun r = CliRun.run(a, "--build-arg", "VERSION=1", "--format", "json");

    assertThat(linted(r)).containsExactly(a);
  }

  @Test
  void aDashAloneAmongPathsIsStandardInput() throws IOException {
    String a = dockerfile("a.Dockerfile");
    String b = dockerfile("b.Dockerfile");

    CliRun r = CliRun.runWithStdin("FROM alpine:3.20\nUSER 1000\n", a, "-", b, "--format", "json");

    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.FINDINGS);
    List<String> paths = linted(r);
    assertThat(paths).hasSize(3);
    assertThat(paths.get(0)).isEqualTo(a);
    assertThat(paths.get(2)).isEqualTo(b);
  }

  @Test
  void afterDoubleDashEverythingIsAPath() throws IOException {
    String a = dockerfile("a.Dockerfile");

    CliRun r = CliRun.run("--format", "json", a, "--", "--no-fail", "-x");

    // both missing "files" are reported as inputs that cannot be linted, not used as options
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("cannot read '--no-fail'", "cannot read '-x'");
  }

  @Test
  void anUnknownOptionAmongPathsIsAUsageError() throws IOException {
    String a = dockerfile("a.Dockerfile");
    String b = dockerfile("b.Dockerfile");

    CliRun r = CliRun.run(a, "--no-such-option", b);

    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("--no-such-option");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aThousandPathsAreAllLinted() throws IOException {
    List<String> args = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      args.add(dockerfile("f" + i + ".Dockerfile"));
    }
    List<String> expected = List.copyOf(args);
    args.add(500, "--format");
    args.add(501, "json");

    CliRun r = CliRun.run(args.toArray(String[]::new));

    assertThat(linted(r)).containsExactlyElementsOf(expected);
  }
}
