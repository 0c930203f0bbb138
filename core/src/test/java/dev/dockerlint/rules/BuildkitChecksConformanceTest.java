package dev.dockerlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerlint.engine.Linter;
import dev.dockerlint.engine.Report;
import dev.dockerlint.image.ImageMetadataSource;
import dev.dockerlint.image.OfflineSource;
import dev.dockerlint.registry.RuleRegistry;
import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.semantic.Platform;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * dockerlint reports what {@code docker build --check} reports on BuildKit's own 88 check test
 * cases ({@code shared/conformance/buildkit-checks/cases.jsonl}): for every case, the same set of
 * check names (through the rules' aliases) on the same lines, with BuildKit's text in the message,
 * and nothing for the negative cases. With {@code error=true} (in the file or in the {@code
 * BUILDKIT_DOCKERFILE_CHECK} build argument) those findings are errors; without it they are not.
 * The one exception: a finding that predicts a runtime error may stand where BuildKit reports
 * nothing (BuildKit's checks never look at what the image can run, for instance a SHELL that names
 * a missing program), and its message is dockerlint's own.
 *
 * <p>A finding's line is the first line of its instruction, where BuildKit reports, except for
 * NoEmptyContinuation, which BuildKit reports on the instruction's last line. In the cases whose
 * lines upstream never compares, the notes' {@code probable_actual_lines} are used when given, else
 * only the names are compared. Cases with a {@code .dockerignore} get a build context written by
 * the test. Base images are not looked up, with one exception: upstream's InvalidBaseImagePlatform
 * case pushes a single-platform image of another platform than the one it builds for to a local
 * registry ({@code <REGISTRY>} in the case) and builds from it; here the images of that registry
 * are described by image facts saying just that (platform {@value #OTHER_PLATFORM}), and the
 * placeholders are filled in. UndefinedVar's cases need no facts about {@code alpine} (see
 * DKL5005's page).
 */
class BuildkitChecksConformanceTest {

  /** Stands for upstream's local registry, {@code <REGISTRY>} in the cases. */
  static final String REGISTRY = "registry.test:5000";

  /** The platform of the images in that registry: not the one any case builds for. */
  static final String OTHER_PLATFORM = "linux/arm64";

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  static List<JsonNode> cases() throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line :
        Files.readAllLines(
            SharedData.conformance("buildkit-checks", "cases.jsonl"), StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        out.add(JSON.readTree(line));
      }
    }
    return out;
  }

  @Test
  void theFileHasAllEightyEightCases() throws IOException {
    assertThat(cases()).hasSize(88);
  }

  @Test
  void everyBuildkitCheckNameIsARule() {
    for (String check :
        List.of(
            "StageNameCasing",
            "FromAsCasing",
            "NoEmptyContinuation",
            "ConsistentInstructionCasing",
            "DuplicateStageName",
            "ReservedStageName",
            "JSONArgsRecommended",
            "MaintainerDeprecated",
            "UndefinedArgInFrom",
            "WorkdirRelativePath",
            "UndefinedVar",
            "MultipleInstructionsDisallowed",
            "LegacyKeyValueFormat",
            "InvalidBaseImagePlatform",
            "RedundantTargetPlatform",
            "SecretsUsedInArgOrEnv",
            "InvalidDefaultArgInFrom",
            "FromPlatformFlagConstDisallowed",
            "CopyIgnoredFile",
            "InvalidDefinitionDescription",
            "ExposeProtoCasing",
            "ExposeInvalidFormat")) {
      assertThat(RuleRegistry.builtIn().find(check)).as("a rule carries %s", check).isPresent();
    }
  }

  @TestFactory
  Stream<DynamicTest> eachCaseReportsWhatBuildkitReports() throws IOException {
    return cases().stream()
        .map(c -> DynamicTest.dynamicTest(c.path("id").asText(), () -> verify(c)));
  }

  private void verify(JsonNode c) throws IOException {
    String id = c.path("id").asText();
    String dockerfile = c.path("dockerfile").asText().replace("<REGISTRY>", REGISTRY);
    Optional<Path> context = Optional.empty();
    if (c.hasNonNull("dockerignore")) {
      Path dir = Files.createDirectories(temp.resolve(id.replace('#', '-')));
      Files.writeString(dir.resolve("Dockerfile"), dockerfile, StandardCharsets.UTF_8);
      Files.writeString(dir.resolve(".dockerignore"), c.path("dockerignore").asText());
      context = Optional.of(dir);
    }
    Report report =
        Linter.builtIn().lint("Dockerfile", dockerfile, options(c), context, images(dockerfile));

    boolean linesChecked = c.path("line_numbers_checked_upstream").asBoolean(true);
    List<Integer> probable = new ArrayList<>();
    c.path("probable_actual_lines").forEach(n -> probable.add(n.asInt()));
    boolean compareLines = linesChecked || !probable.isEmpty();

    Set<String> expected = new TreeSet<>();
    Map<String, List<String>> details = new LinkedHashMap<>();
    int k = 0;
    for (JsonNode e : c.path("check_expected")) {
      String rule = e.path("rule").asText();
      int line = linesChecked || probable.isEmpty() ? e.path("line").asInt() : probable.get(k);
      k++;
      String key = compareLines ? rule + "@" + line : rule;
      expected.add(key);
      details.computeIfAbsent(key, x -> new ArrayList<>()).add(detail(e.path("detail").asText()));
    }
    Set<String> actual = new TreeSet<>();
    boolean errorExpected =
        c.path("build_error").asText("").startsWith("lint violation found for rules");
    for (Diagnostic d : report.diagnostics()) {
      Optional<String> check = d.rule().buildkitCheck();
      if (check.isEmpty()) {
        continue;
      }
      String key = compareLines ? check.get() + "@" + line(report, d) : check.get();
      if (d.predicts().isPresent()) {
        if (expected.contains(key)) {
          actual.add(key);
        }
        continue;
      }
      actual.add(key);
      if (details.containsKey(key)) {
        assertThat(details.get(key))
            .as("%s: BuildKit's text in '%s'", id, d.message())
            .anyMatch(detail -> d.message().toLowerCase().contains(detail.toLowerCase()));
      }
      assertThat(d.severity() == Severity.ERROR)
          .as("%s: %s is an error exactly when error=true is in force", id, check.get())
          .isEqualTo(errorExpected);
    }
    assertThat(actual).as("%s: checks reported (check@line)", id).isEqualTo(expected);
  }

  /** Upstream's detail text with its placeholders filled in as this test fills them. */
  private static String detail(String text) {
    return text.replace("<REGISTRY>", REGISTRY)
        .replaceAll("<OTHER_PLATFORM:[^>]*>", OTHER_PLATFORM);
  }

  /** Facts about the images of {@link #REGISTRY} the Dockerfile builds from; none for others. */
  private static ImageMetadataSource images(String dockerfile) {
    Set<String> refs = new TreeSet<>();
    Matcher m = Pattern.compile(Pattern.quote(REGISTRY) + "/\\S+").matcher(dockerfile);
    while (m.find()) {
      refs.add(m.group());
    }
    if (refs.isEmpty()) {
      return ImageMetadataSource.none("base images are not looked up in this test");
    }
    ArrayNode images = JSON.createArrayNode();
    for (String ref : refs) {
      images.addObject().put("ref", ref).put("platform", OTHER_PLATFORM).putObject("config");
    }
    ObjectNode root = JSON.createObjectNode();
    root.set("images", images);
    return OfflineSource.fromJson(root.toString());
  }

  /** The line BuildKit reports a finding on (1-based). */
  private static int line(Report report, Diagnostic d) {
    if (d.rule().buildkitCheck().filter("NoEmptyContinuation"::equals).isPresent()) {
      return d.range().start().line() + 1;
    }
    Optional<Instruction> i = report.file().instructionAt(d.range().start());
    return i.map(x -> x.header().firstLine()).orElse(d.range().start().line()) + 1;
  }

  private static BuildOptions options(JsonNode c) {
    JsonNode attrs = c.path("frontend_attrs");
    Platform target = Platform.parse(attrs.path("platform").asText("linux/amd64")).orElseThrow();
    Map<String, String> args = new LinkedHashMap<>();
    attrs
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
