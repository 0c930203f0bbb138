package dev.dockerlint.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Real-world Dockerfiles parse cleanly; nothing in the corpus breaks or stalls the parser. */
class CorpusParseTest {

  /**
   * Files of the real corpus that BuildKit itself rejects, with the reason. Every other file must
   * parse without any syntax problem.
   */
  private static final Map<String, String> KNOWN_INVALID = Map.of();

  static List<Path> files(String folder) throws IOException {
    try (Stream<Path> s = Files.walk(SharedData.corpus(folder))) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().equals("MANIFEST.tsv"))
          .sorted()
          .toList();
    }
  }

  @Test
  void everyRealDockerfileParsesWithoutSyntaxProblems() throws IOException {
    List<Path> files = files("real");
    assertThat(files).hasSize(1193);
    Map<String, List<String>> problems = new TreeMap<>();
    for (Path p : files) {
      Dockerfile f = DockerfileReader.parse(Files.readString(p, StandardCharsets.UTF_8));
      List<String> found =
          f.problems().stream()
              .filter(x -> x.kind() != SyntaxProblem.Kind.EMPTY_CONTINUATION)
              .map(x -> x.range() + " " + x.kind() + " " + x.message())
              .toList();
      String name = SharedData.corpus("real").relativize(p).toString();
      if (!found.isEmpty() && !KNOWN_INVALID.containsKey(name)) {
        problems.put(name, found);
      }
      assertThat(f.instructions()).as(name).isNotEmpty();
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void nothingInTheCorpusCrashesOrStallsTheParser() throws IOException {
    for (String folder : List.of("real", "templates", "invalid")) {
      for (Path p : files(folder)) {
        String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        long start = System.nanoTime();
        Dockerfile f = DockerfileReader.parse(text);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(f).isNotNull();
        assertThat(took).as(p.toString()).isLessThan(Duration.ofSeconds(1));
      }
    }
  }
}
