package dev.dockerlint.rules.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.engine.Linter;
import dev.dockerlint.registry.RuleRegistry;
import dev.dockerlint.rules.Applicability;
import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.Fix;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.semantic.Platform;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The unsafe fixes of the platform rules (fix pairs in the fixtures apply safe fixes only). */
class UnsafeFixesTest {

  private static String applyUnsafe(Rule rule, String text) {
    BuildOptions o =
        new BuildOptions(Platform.LINUX_AMD64, Platform.LINUX_AMD64, Map.of(), Optional.empty());
    List<Diagnostic> ds =
        new Linter(new RuleRegistry(List.of(rule)))
            .lint("Dockerfile", text, o, Optional.empty())
            .diagnostics();
    String out = text;
    for (int i = ds.size() - 1; i >= 0; i--) {
      Fix f = ds.get(i).fixes().get(0);
      assertThat(f.applicability()).isEqualTo(Applicability.UNSAFE);
      out = f.applyTo(out);
    }
    return out;
  }

  @Test
  void archPrefixedImagesBecomeTheMultiPlatformImage() {
    assertThat(
            applyUnsafe(
                new ArchPrefixedImage(),
                "FROM arm64v8/alpine:3.20 AS a\nFROM docker.io/s390x/debian:bookworm\n"))
        .isEqualTo("FROM alpine:3.20 AS a\nFROM docker.io/library/debian:bookworm\n");
  }

  @Test
  void theFinalStageLosesItsBuildPlatformFlag() {
    assertThat(
            applyUnsafe(
                new FinalStageOnBuildPlatform(),
                "FROM --platform=$BUILDPLATFORM  alpine:3.20\nRUN true\n"))
        .isEqualTo("FROM alpine:3.20\nRUN true\n");
  }
}
