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

/** The vectors transcribed from BuildKit's parser unit tests ({@code extra/*.json}). */
class BuildkitVectorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode vectors(String name) throws IOException {
    return JSON.readTree(SharedData.conformance("buildkit-parser", "extra", name).toFile());
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> dumpArgs(String instruction) {
    Dockerfile f = DockerfileReader.parse(instruction + "\n");
    assertThat(f.instructions()).hasSize(1);
    return BuildkitDump.arguments(f.instructions().get(0));
  }

  @TestFactory
  Stream<DynamicTest> validJsonArraysAreExecForm() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : vectors("json-arrays.json").get("valid")) {
      String input = c.get("input").asText();
      tests.add(
          DynamicTest.dynamicTest(
              input,
              () -> {
                Dockerfile f = DockerfileReader.parse("CMD " + input + "\n");
                CmdInstruction cmd = (CmdInstruction) f.instructions().get(0);
                assertThat(cmd.command()).get().isInstanceOf(Command.ExecForm.class);
                assertThat(BuildkitDump.arguments(cmd)).isEqualTo(strings(c.get("expect")));
              }));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> jsonArraysWithOtherElementsAreErrors() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : vectors("json-arrays.json").get("notStringArray")) {
      String input = c.asText();
      tests.add(
          DynamicTest.dynamicTest(
              input,
              () ->
                  assertThat(DockerfileReader.parse("RUN " + input + "\n").problems())
                      .extracting(SyntaxProblem::kind)
                      .containsExactly(SyntaxProblem.Kind.JSON_NOT_STRINGS)));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> argWordsSplitLikeBuildkit() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : vectors("parser-misc.json").get("parseWords").get("cases")) {
      String input = c.get("input").asText();
      tests.add(
          DynamicTest.dynamicTest(
              input,
              () -> assertThat(dumpArgs("ARG " + input)).isEqualTo(strings(c.get("expect")))));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> envPairsSplitLikeBuildkit() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : vectors("parser-misc.json").get("nameVal").get("cases")) {
      String input = c.get("input").asText();
      tests.add(
          DynamicTest.dynamicTest(
              input,
              () -> {
                if (c.has("error")) {
                  Dockerfile f = DockerfileReader.parse("ENV " + input + "\n");
                  assertThat(f.problems())
                      .extracting(SyntaxProblem::message)
                      .containsExactly(c.get("error").asText());
                } else {
                  assertThat(dumpArgs("ENV " + input)).isEqualTo(strings(c.get("expect")));
                }
              }));
    }
    return tests.stream();
  }

  @Test
  void emptyContinuationLinesWarnOncePerInstruction() throws IOException {
    JsonNode c = vectors("parser-misc.json").get("emptyContinuationWarnings");
    Dockerfile f = DockerfileReader.parse(c.get("dockerfile").asText());
    List<SyntaxProblem> warnings =
        f.problems().stream()
            .filter(p -> p.kind() == SyntaxProblem.Kind.EMPTY_CONTINUATION)
            .toList();
    assertThat(warnings).hasSize(c.get("warningCount").asInt());
    assertThat(f.hasFatalProblem()).isFalse();
    List<String> joined =
        f.instructions().stream()
            .filter(i -> i.header().lastLine() > i.header().firstLine())
            .map(i -> i.keyword().text() + " " + i.arguments().value())
            .toList();
    assertThat(joined).contains("RUN something     following     more", "RUN another     thing");
  }

  @Test
  void lineOf64KibIsRejected() throws IOException {
    JsonNode c = vectors("parser-misc.json").get("lineTooLong");
    Dockerfile f =
        DockerfileReader.parse("\n\t\tFROM image\n\t\tLABEL test=" + "a".repeat(65536) + "\n");
    assertThat(f.problems())
        .extracting(SyntaxProblem::message)
        .contains(c.get("expectedError").asText());
  }

  @TestFactory
  Stream<DynamicTest> directivesStopAtFirstOtherLine() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : vectors("directives.json").get("parseAll")) {
      String input = c.get("input").asText();
      tests.add(
          DynamicTest.dynamicTest(
              input,
              () -> {
                Dockerfile f = DockerfileReader.parse(input + "FROM scratch\n");
                List<String> got =
                    f.directives().stream().map(d -> d.name() + "=" + d.value()).toList();
                List<String> want = new ArrayList<>();
                c.get("expect")
                    .forEach(e -> want.add(e.get("name").asText() + "=" + e.get("value").asText()));
                assertThat(got).isEqualTo(want);
              }));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> syntaxAndCheckDirectivesAreDetected() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    JsonNode v = vectors("directives.json");
    for (String kind : List.of("detectSyntax", "parseDirectiveCheck")) {
      for (JsonNode c : v.get(kind)) {
        String input = c.get("input").asText();
        tests.add(
            DynamicTest.dynamicTest(
                kind + ": " + input,
                () -> {
                  var found =
                      kind.equals("detectSyntax")
                          ? SyntaxDirective.syntax(input)
                          : SyntaxDirective.check(input);
                  assertThat(found.isPresent()).isEqualTo(c.get("found").asBoolean());
                  if (found.isPresent()) {
                    if (c.has("value")) {
                      assertThat(found.get().value()).isEqualTo(c.get("value").asText());
                    }
                    if (c.has("cmdline")) {
                      assertThat(found.get().cmdline()).isEqualTo(c.get("cmdline").asText());
                    }
                    if (c.has("line")) {
                      assertThat(found.get().line()).isEqualTo(c.get("line").asInt());
                    }
                  }
                }));
      }
    }
    return tests.stream();
  }
}
