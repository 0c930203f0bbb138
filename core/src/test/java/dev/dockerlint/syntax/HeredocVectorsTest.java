package dev.dockerlint.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockerlint.testing.SharedData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Heredocs found in a whole Dockerfile, as BuildKit's parser tests expect them. */
class HeredocVectorsTest {

  private static JsonNode vectors() throws IOException {
    return new ObjectMapper()
        .readTree(SharedData.conformance("buildkit-parser", "extra", "heredocs.json").toFile());
  }

  @TestFactory
  Stream<DynamicTest> heredocsOfEveryInstructionMatchBuildkit() throws IOException {
    JsonNode v = vectors().get("extractHeredocs");
    Dockerfile f = DockerfileReader.parse(v.get("dockerfile").asText());
    assertThat(f.hasFatalProblem()).as("%s", f.problems()).isFalse();
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : v.get("cases")) {
      int index = c.get("instructionIndex").asInt();
      tests.add(
          DynamicTest.dynamicTest(
              "instruction " + index,
              () -> {
                List<Heredoc> got = f.instructions().get(index).heredocs();
                if (c.get("heredocs").isNull()) {
                  assertThat(got).isEmpty();
                  return;
                }
                List<String> want = new ArrayList<>();
                for (JsonNode h : c.get("heredocs")) {
                  want.add(
                      h.get("name").asText()
                          + "|"
                          + h.get("content").asText()
                          + "|"
                          + h.get("expand").asBoolean()
                          + "|"
                          + h.get("chomp").asBoolean()
                          + "|"
                          + h.get("fileDescriptor").asInt());
                }
                assertThat(got)
                    .extracting(
                        h ->
                            h.name()
                                + "|"
                                + h.content()
                                + "|"
                                + h.expand()
                                + "|"
                                + h.chomp()
                                + "|"
                                + h.fileDescriptor())
                    .isEqualTo(want);
              }));
    }
    return tests.stream();
  }

  @Test
  void execFormNeverOpensHeredocs() throws IOException {
    JsonNode v = vectors().get("jsonFormNeverHeredoc");
    Dockerfile f = DockerfileReader.parse(v.get("dockerfile").asText());
    for (JsonNode i : v.get("instructionIndexesWithoutHeredocs")) {
      assertThat(f.instructions().get(i.asInt()).heredocs()).isEmpty();
    }
  }

  @Test
  void unterminatedHeredocIsAFatalProblemAndKeepsTheInstruction() {
    Dockerfile f = DockerfileReader.parse("FROM alpine\nRUN <<EOF\necho hi\n");
    assertThat(f.problems())
        .extracting(SyntaxProblem::kind)
        .contains(SyntaxProblem.Kind.UNTERMINATED_HEREDOC);
    assertThat(f.instructions()).hasSize(2);
  }
}
