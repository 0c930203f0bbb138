package dev.dockerlint.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** BuildKit's own parser test files must dump byte for byte like BuildKit's expected results. */
class BuildkitConformanceTest {

  @TestFactory
  Stream<DynamicTest> everyTestfileDumpsLikeBuildkit() throws IOException {
    Path dir = SharedData.conformance("buildkit-parser", "testfiles");
    List<Path> cases;
    try (Stream<Path> s = Files.list(dir)) {
      cases = s.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(cases).hasSize(33);
    return cases.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.getFileName().toString(),
                    () -> {
                      String text = read(c.resolve("Dockerfile"));
                      String expected = read(c.resolve("result")).replace("\r\n", "\n");
                      Dockerfile file = DockerfileReader.parse(text);
                      assertThat(file.hasFatalProblem()).as("%s", file.problems()).isFalse();
                      assertThat(BuildkitDump.dump(file)).isEqualTo(expected);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyNegativeTestfileIsRejected() throws IOException {
    Path dir = SharedData.conformance("buildkit-parser", "testfiles-negative");
    List<Path> cases;
    try (Stream<Path> s = Files.list(dir)) {
      cases = s.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(cases).hasSize(4);
    return cases.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.getFileName().toString(),
                    () -> {
                      Dockerfile file = DockerfileReader.parse(read(c.resolve("Dockerfile")));
                      assertThat(file.hasFatalProblem()).isTrue();
                    }));
  }

  @Test
  void lineRangesMatchBuildkitTestfileLine() throws IOException {
    Dockerfile file =
        DockerfileReader.parse(
            read(SharedData.conformance("buildkit-parser", "testfile-line", "Dockerfile")));
    List<int[]> spans =
        file.instructions().stream()
            .map(i -> new int[] {i.header().firstLine() + 1, i.header().lastLine() + 1})
            .toList();
    assertThat(spans).containsExactly(new int[] {5, 5}, new int[] {11, 12}, new int[] {17, 31});
  }

  private static String read(Path p) throws IOException {
    return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
  }
}
