package dev.dockerlint.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.engine.Linter;
import dev.dockerlint.image.ImageMetadataSource;
import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.semantic.Platform;
import dev.dockerlint.testkit.Container;
import dev.dockerlint.testkit.DockerEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the integration scenarios share: linting a Dockerfile as {@code dockerlint} would (every
 * built-in rule), picking the finding of one rule, and printing what Docker really said (OBSERVED
 * lines in the test output).
 */
final class Scenarios {
  private Scenarios() {}

  /** Building for this engine's platform on this engine: what a plain {@code docker build} does. */
  static final BuildOptions NATIVE =
      new BuildOptions(Platform.LINUX_AMD64, Platform.LINUX_AMD64, Map.of(), Optional.empty());

  /** The scenarios use arm64 binaries as the foreign architecture, so the engine must be amd64. */
  static void requireAmd64Engine(DockerEngine docker) {
    String arch =
        docker
            .docker(DockerEngine.SHORT, "version", "--format", "{{.Server.Arch}}")
            .orThrow()
            .stdout()
            .strip();
    assertThat(arch).as("the scenarios need an amd64 Docker Engine").isEqualTo("amd64");
  }

  static List<Diagnostic> lint(String dockerfile, Path context, BuildOptions options) {
    return lint(dockerfile, context, options, ImageMetadataSource.none("no image source"));
  }

  static List<Diagnostic> lint(
      String dockerfile, Path context, BuildOptions options, ImageMetadataSource images) {
    return Linter.builtIn()
        .lint("Dockerfile", dockerfile, options, Optional.of(context), images)
        .diagnostics();
  }

  /** The one finding of {@code code}; it must predict a runtime error. */
  static Diagnostic predicted(List<Diagnostic> ds, String code) {
    List<Diagnostic> mine = ds.stream().filter(d -> d.rule().code().equals(code)).toList();
    assertThat(mine).as("findings of %s in %s", code, ds).hasSize(1);
    assertThat(mine.get(0).predicts()).as("%s predicts an error", code).isPresent();
    return mine.get(0);
  }

  /** No finding of any rule is an error. */
  static void noErrors(List<Diagnostic> ds) {
    assertThat(ds.stream().filter(d -> d.severity() == Severity.ERROR).toList())
        .as("error findings")
        .isEmpty();
  }

  static List<Diagnostic> of(List<Diagnostic> ds, String code) {
    return ds.stream().filter(d -> d.rule().code().equals(code)).toList();
  }

  static Path file(Path dir, String name, byte[] content) {
    try {
      Path p = dir.resolve(name);
      Files.createDirectories(p.getParent());
      return Files.write(p, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file with mode 0755 in the build context (COPY keeps the mode). */
  static Path executable(Path dir, String name, byte[] content) {
    Path p = file(dir, name, content);
    try {
      return Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void observed(String scenario, Container.Result r) {
    System.out.printf(
        "OBSERVED %s | exit=%d | stderr=%s%n", scenario, r.exitCode(), oneLine(r.stderr()));
  }

  static void observed(String scenario, LegacyBuild.Outcome o) {
    System.out.printf(
        "OBSERVED %s | exit=%d | output=%s%n",
        scenario, o.result().exitCode(), oneLine(o.output()));
  }

  private static String oneLine(String s) {
    return s.strip().replace("\r", "\\r").replace("\n", "\\n");
  }
}
