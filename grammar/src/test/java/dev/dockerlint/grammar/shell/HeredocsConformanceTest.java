package dev.dockerlint.grammar.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * BuildKit's heredoc vectors from the shared conformance data ({@code
 * shared/conformance/buildkit-parser/extra/heredocs.json}, beside the repository; never copied).
 */
class HeredocsConformanceTest {
  private static final String VECTORS = "conformance/buildkit-parser/extra/heredocs.json";

  /** Instructions that can carry heredocs, as far as the vectors need. */
  private static final Set<String> HEREDOC_INSTRUCTIONS = Set.of("RUN", "COPY", "ADD");

  /**
   * Line vectors that BuildKit itself does not meet, with what it really returns. BuildKit's
   * TestHeredocsFromLine only compares the names it gets back, so these pass there vacuously; we
   * match BuildKit's behaviour (checked by running its code), not the transcribed expectation.
   */
  private static final Map<String, List<String>> BUILDKIT_ACTUALLY_FINDS =
      Map.of(
          // the line lexer keeps blanks after "<<" but not after "<<-": the words are "<<-", "EOF"
          "RUN <<- EOF", List.of());

  private static JsonNode vectors;

  @BeforeAll
  static void readVectors() throws IOException {
    vectors = new ObjectMapper().readTree(sharedDirectory().resolve(VECTORS).toFile());
  }

  /** The {@code dockerlint.shared} property, else a {@code shared} folder beside an ancestor. */
  private static Path sharedDirectory() {
    String property = System.getProperty("dockerlint.shared");
    if (property != null && Files.isDirectory(Path.of(property, "conformance"))) {
      return Path.of(property);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("shared/conformance"))) {
        return dir.resolve("shared");
      }
    }
    throw new IllegalStateException(
        "no shared/conformance folder beside " + Path.of("").toAbsolutePath() + " or its parents");
  }

  private static Stream<String> words(String group) {
    return texts(vectors.path("heredocWord").path(group));
  }

  private static Stream<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    assertThat(texts).isNotEmpty();
    return texts.stream();
  }

  static Stream<String> validWords() {
    return words("valid");
  }

  static Stream<String> invalidWords() {
    return words("invalid");
  }

  static Stream<String> wordsThatAreNoOpeners() {
    return words("notHeredoc");
  }

  static Stream<JsonNode> lineCases() {
    List<JsonNode> cases = new ArrayList<>();
    vectors.path("heredocsFromLine").path("cases").forEach(cases::add);
    assertThat(cases).isNotEmpty();
    return cases.stream();
  }

  @ParameterizedTest
  @MethodSource("validWords")
  void validWordOpensAHeredocNamedEof(String word) throws ShellLexException {
    assertThat(Heredocs.parse(word)).map(HeredocMarker::name).contains("EOF");
  }

  @ParameterizedTest
  @MethodSource("invalidWords")
  void invalidWordFails(String word) {
    assertThatThrownBy(() -> Heredocs.parse(word)).isInstanceOf(ShellLexException.class);
  }

  @ParameterizedTest
  @MethodSource("wordsThatAreNoOpeners")
  void otherWordOpensNothing(String word) throws ShellLexException {
    assertThat(Heredocs.parse(word)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("lineCases")
  void lineHasTheExpectedOpenerNames(JsonNode testCase) {
    String line = testCase.path("line").asText();
    List<String> expected = new ArrayList<>();
    testCase.path("names").forEach(name -> expected.add(name.asText()));
    assertThat(Heredocs.fromLine(line))
        .extracting(HeredocMarker::name)
        .containsExactlyElementsOf(BUILDKIT_ACTUALLY_FINDS.getOrDefault(line, expected));
  }

  @Test
  void knownDeviationsStillExistInTheVectors() {
    List<String> lines = new ArrayList<>();
    lineCases().forEach(testCase -> lines.add(testCase.path("line").asText()));
    assertThat(lines).containsAll(BUILDKIT_ACTUALLY_FINDS.keySet());
  }

  @Test
  void execFormLinesOpenNothing() {
    JsonNode vector = vectors.path("jsonFormNeverHeredoc");
    List<String> instructions = instructionLines(vector.path("dockerfile").asText());
    assertThat(vector.path("instructionIndexesWithoutHeredocs")).isNotEmpty();
    for (JsonNode index : vector.path("instructionIndexesWithoutHeredocs")) {
      assertThat(Heredocs.fromLine(instructions.get(index.asInt()))).isEmpty();
    }
  }

  /** The non-blank lines of a Dockerfile without continuations or heredocs. */
  private static List<String> instructionLines(String dockerfile) {
    return dockerfile.lines().filter(line -> !line.isBlank()).toList();
  }

  /**
   * Walks the vector's Dockerfile (no continuations, no comments outside heredoc bodies): each
   * non-blank line is an instruction, and a RUN/COPY/ADD line is followed by the bodies of its
   * heredocs, which end at their terminator line. Checks every heredoc the vector lists.
   */
  @Test
  void dockerfileHeredocsHaveTheExpectedFlagsAndBodies() {
    JsonNode vector = vectors.path("extractHeredocs");
    List<List<Found>> byInstruction = new ArrayList<>();
    Iterator<String> lines = vector.path("dockerfile").asText().lines().iterator();
    while (lines.hasNext()) {
      String line = lines.next();
      if (line.isBlank()) {
        continue;
      }
      String keyword = line.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
      List<Found> found = new ArrayList<>();
      if (HEREDOC_INSTRUCTIONS.contains(keyword)) {
        for (HeredocMarker marker : Heredocs.fromLine(line)) {
          found.add(new Found(marker, body(marker, lines)));
        }
      }
      byInstruction.add(found);
    }
    assertThat(vector.path("cases")).isNotEmpty();
    for (JsonNode testCase : vector.path("cases")) {
      List<Found> expected = new ArrayList<>();
      testCase
          .path("heredocs")
          .forEach(
              h ->
                  expected.add(
                      new Found(
                          new HeredocMarker(
                              h.path("name").asText(),
                              h.path("fileDescriptor").asInt(),
                              h.path("expand").asBoolean(),
                              h.path("chomp").asBoolean()),
                          h.path("content").asText())));
      assertThat(byInstruction.get(testCase.path("instructionIndex").asInt()))
          .as("instruction %s", testCase.path("instructionIndex"))
          .containsExactlyElementsOf(expected);
    }
  }

  private record Found(HeredocMarker marker, String body) {}

  private static String body(HeredocMarker marker, Iterator<String> lines) {
    StringBuilder body = new StringBuilder();
    while (lines.hasNext()) {
      String line = lines.next();
      String terminator = marker.chomp() ? line.replaceFirst("^\t+", "") : line;
      if (terminator.equals(marker.name())) {
        return body.toString();
      }
      body.append(line).append('\n');
    }
    throw new AssertionError("unterminated heredoc " + marker.name());
  }
}
