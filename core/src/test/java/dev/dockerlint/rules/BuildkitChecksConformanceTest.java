package dev.dockerlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockerlint.engine.Linter;
import dev.dockerlint.registry.RuleRegistry;
import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.semantic.Platform;
import dev.dockerlint.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The rules that carry a BuildKit check name as an alias report what {@code docker build --check}
 * reports, on BuildKit's own test cases ({@code shared/conformance/buildkit-checks/cases.jsonl}): a
 * finding on every line BuildKit warns about, with BuildKit's text in the message; no finding on
 * any other line, except findings that predict a runtime error (BuildKit's checks never look at
 * what the image can run, for instance a SHELL that names a missing program).
 *
 * <p>{@link #CHECKS} lists the check names verified here; add a name when its rule matches.
 */
class BuildkitChecksConformanceTest {

  static final Set<String> CHECKS =
      Set.of("JSONArgsRecommended", "RedundantTargetPlatform", "FromPlatformFlagConstDisallowed");

  @TestFactory
  Stream<DynamicTest> rulesReportWhatBuildkitReports() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<DynamicTest> tests = new ArrayList<>();
    for (String line :
        Files.readAllLines(SharedData.conformance("buildkit-checks", "cases.jsonl"))) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode c = json.readTree(line);
      for (String check : CHECKS) {
        tests.add(
            DynamicTest.dynamicTest(c.path("id").asText() + " " + check, () -> verify(c, check)));
      }
    }
    return tests.stream();
  }

  private static void verify(JsonNode c, String check) {
    RuleMeta rule = RuleRegistry.builtIn().find(check).orElseThrow();
    Map<Integer, String> expected = new LinkedHashMap<>();
    for (JsonNode e : c.path("check_expected")) {
      if (e.path("rule").asText().equals(check)) {
        expected.put(e.path("line").asInt(), e.path("detail").asText());
      }
    }
    List<Diagnostic> mine =
        Linter.builtIn()
            .lint("Dockerfile", c.path("dockerfile").asText(), options(c), Optional.empty())
            .diagnostics()
            .stream()
            .filter(d -> d.rule().code().equals(rule.code()))
            .toList();
    Set<Integer> reported = new TreeSet<>();
    for (Diagnostic d : mine) {
      int at = d.range().start().line() + 1;
      reported.add(at);
      if (expected.containsKey(at)) {
        if (d.predicts().isEmpty()) {
          assertThat(d.message()).as("message on line %d", at).contains(expected.get(at));
        }
      } else {
        assertThat(d.predicts())
            .as("%s on line %d, where BuildKit reports nothing: %s", rule.code(), at, d.message())
            .isPresent();
      }
    }
    assertThat(reported).as("lines reported").containsAll(expected.keySet());
  }

  private static BuildOptions options(JsonNode c) {
    Platform target =
        Platform.parse(c.path("frontend_attrs").path("platform").asText("linux/amd64"))
            .orElseThrow();
    Map<String, String> args = new LinkedHashMap<>();
    c.path("frontend_attrs")
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getKey().startsWith("build-arg:")) {
                args.put(e.getKey().substring("build-arg:".length()), e.getValue().asText());
              }
            });
    return new BuildOptions(target, Platform.LINUX_AMD64, args, Optional.empty());
  }
}
