package dev.dockerlint.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.registry.RuleRegistry;
import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.ImagePlace;
import dev.dockerlint.rules.RuleMeta;
import dev.dockerlint.syntax.Position;
import dev.dockerlint.syntax.Range;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageExceptionTest {
  private static final RuleMeta FOREIGN = RuleRegistry.builtIn().find("DKL1600").orElseThrow();
  private static final RuleMeta NOT_FOUND = RuleRegistry.builtIn().find("DKL1605").orElseThrow();

  private static Diagnostic at(RuleMeta rule, String image, String path) {
    return new Diagnostic(
        rule,
        rule.severity(),
        new Range(new Position(1, 1), new Position(1, 1)),
        "m",
        Optional.empty(),
        List.of(),
        List.of(),
        Optional.of(ImagePlace.of(image, "linux/arm64", path)));
  }

  private static Config config(String yaml) {
    return ConfigLoader.parse(yaml, Path.of(".dockerlint.yaml"), Config.Dialect.DOCKERLINT);
  }

  @Test
  void anEntryAcceptsWhatAllItsPartsMatch() {
    Config c =
        config(
            """
            image-ignore:
              - rules: [image-foreign-binary]
                images: ["registry.example/tools/*:*"]
                paths: ["/opt/qemu/**"]
            """);
    assertThat(c.ignoresInImage(at(FOREIGN, "registry.example/tools/x:1", "/opt/qemu/bin/qemu")))
        .isTrue();
    // another rule, another image, another path: each one is enough to keep the finding
    assertThat(c.ignoresInImage(at(NOT_FOUND, "registry.example/tools/x:1", "/opt/qemu/bin/q")))
        .isFalse();
    assertThat(c.ignoresInImage(at(FOREIGN, "registry.example/app:1", "/opt/qemu/bin/qemu")))
        .isFalse();
    assertThat(c.ignoresInImage(at(FOREIGN, "registry.example/tools/x:1", "/usr/bin/qemu")))
        .isFalse();
  }

  @Test
  void absentPartsMatchEverythingAndOneStarStaysInOnePathElement() {
    Config c = config("image-ignore:\n  - paths: [\"/opt/*/lib?.so\"]\n");
    assertThat(c.ignoresInImage(at(NOT_FOUND, "oci:build/oci", "/opt/vendor/lib1.so"))).isTrue();
    assertThat(c.ignoresInImage(at(FOREIGN, "app:1", "/opt/vendor/lib2.so"))).isTrue();
    assertThat(c.ignoresInImage(at(FOREIGN, "app:1", "/opt/a/b/lib1.so"))).isFalse();
    assertThat(c.ignoresInImage(at(FOREIGN, "app:1", "/opt/vendor/lib10.so"))).isFalse();
  }

  @Test
  void dockerfileFindingsAreNeverCovered() {
    Config c = config("image-ignore:\n  - rules: [DKL1600]\n");
    Diagnostic onALine =
        new Diagnostic(
            FOREIGN,
            FOREIGN.severity(),
            new Range(new Position(1, 1), new Position(1, 1)),
            "m",
            Optional.empty(),
            List.of(),
            List.of());
    assertThat(c.ignoresInImage(onALine)).isFalse();
  }

  @Test
  void unknownRulesInAnEntryAreWarnings() {
    Config c = config("image-ignore:\n  - rules: [DKL9999]\n");
    assertThat(c.allWarnings(RuleRegistry.builtIn()))
        .extracting(ConfigWarning::toString)
        .anyMatch(w -> w.contains("unknown rule 'DKL9999'"));
  }
}
