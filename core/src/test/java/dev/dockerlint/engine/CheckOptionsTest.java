package dev.dockerlint.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.config.Config;
import dev.dockerlint.config.RuleRef;
import dev.dockerlint.registry.RuleRegistry;
import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.parity.FromAsCasing;
import dev.dockerlint.rules.parity.InvalidDefinitionDescription;
import dev.dockerlint.rules.parity.LatestTag;
import dev.dockerlint.semantic.BuildOptions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** BuildKit's check options: skip, experimental and error, from the file or the build argument. */
class CheckOptionsTest {
  static final RuleRegistry RULES =
      new RuleRegistry(
          List.of(new FromAsCasing(), new LatestTag(), new InvalidDefinitionDescription()));

  private static List<String> lint(String text, Map<String, String> buildArgs, Config config) {
    List<Diagnostic> ds =
        new Linter(RULES, config)
            .lint(
                "Dockerfile",
                text,
                BuildOptions.defaults().withBuildArgs(buildArgs),
                Optional.empty())
            .diagnostics();
    return ds.stream()
        .map(d -> d.rule().code() + "@" + (d.range().start().line() + 1) + ":" + d.severity().id())
        .toList();
  }

  private static List<String> lint(String text) {
    return lint(text, Map.of(), Config.none());
  }

  @Test
  void skipAllSkipsBuildkitChecksOnly() {
    assertThat(lint("# check=skip=all\nFROM alpine:latest as base\n"))
        .containsExactly("DKL3007@2:warning");
  }

  @Test
  void errorTrueMakesBuildkitFindingsErrors() {
    assertThat(lint("# check=error=true\nFROM alpine:latest as base\n"))
        .containsExactly("DKL3007@2:warning", "DKL5002@2:error");
  }

  @Test
  void theBuildArgumentReplacesTheDirective() {
    String text = "# check=skip=all\nFROM scratch as base\n";
    assertThat(lint(text, Map.of("BUILDKIT_DOCKERFILE_CHECK", "error=true"), Config.none()))
        .containsExactly("DKL5002@2:error");
    assertThat(
            lint(
                "# check=error=true\nFROM scratch as base\n",
                Map.of("BUILDKIT_DOCKERFILE_CHECK", "skip=all"),
                Config.none()))
        .isEmpty();
  }

  @Test
  void aCommentAboveAnInstructionEndsAtTheFirstSpace() {
    assertThat(lint("FROM scratch\n# check=skip=FromAsCasing // they like it\nFROM scratch as b\n"))
        .isEmpty();
  }

  @Test
  void experimentalChecksAreOffUntilNamed() {
    String text = "# the description\nARG foo=1\nFROM scratch\n";
    assertThat(lint(text)).isEmpty();
    assertThat(lint("# check=experimental=InvalidDefinitionDescription\n" + text))
        .containsExactly("DKL5010@3:info");
    assertThat(lint("# check=experimental=all;skip=all\n" + text))
        .containsExactly("DKL5010@3:info");
    assertThat(lint(text, Map.of(), Config.builder().enable(new RuleRef("DKL5010", 1)).build()))
        .containsExactly("DKL5010@2:info");
  }

  @Test
  void malformedOptionsApplyNothing() {
    assertThat(CheckOptions.parse("skip")).isEmpty();
    assertThat(CheckOptions.parse("error=maybe")).isEmpty();
    assertThat(CheckOptions.parse("skip=A, B;error=1").orElseThrow())
        .isEqualTo(new CheckOptions(false, List.of("A", "B"), false, List.of(), true));
  }
}
