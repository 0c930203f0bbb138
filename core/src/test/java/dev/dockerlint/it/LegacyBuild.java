package dev.dockerlint.it;

import dev.dockerlint.testkit.DockerEngine;
import dev.dockerlint.testkit.ProcessRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code docker build} with the legacy builder ({@code DOCKER_BUILDKIT=0}) on the test's Docker
 * Engine: no automatic platform ARGs and no cross-building, but it builds from local images without
 * pulling, which is what the scenarios need. Every image it tags is removed by {@link #close()}.
 */
final class LegacyBuild implements AutoCloseable {
  private final DockerEngine docker;
  private final List<String> tags = new ArrayList<>();

  LegacyBuild(DockerEngine docker) {
    this.docker = docker;
  }

  /**
   * What a build left: how the CLI ended (stdout holds the RUN steps' output, stderr the failure)
   * and the tag of the image when it succeeded.
   */
  record Outcome(ProcessRunner.Result result, String tag) {
    boolean ok() {
      return result.ok();
    }

    /** Everything the build printed. */
    String output() {
      return result.stdout() + result.stderr();
    }
  }

  /** Writes {@code dockerfile} into {@code context} and builds it there. */
  Outcome build(Path context, String dockerfile, String... extraArgs) {
    try {
      Files.writeString(context.resolve("Dockerfile"), dockerfile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Dockerfile", e);
    }
    String tag = "dockerlint-it/build-" + UUID.randomUUID().toString().replace("-", "") + ":1";
    tags.add(tag);
    List<String> command = new ArrayList<>();
    command.add(cli());
    command.addAll(List.of("build", "--rm", "--force-rm", "-t", tag));
    command.addAll(List.of(extraArgs));
    command.add(context.toString());
    ProcessRunner.Result result =
        ProcessRunner.run(
            command,
            Map.of(
                "DOCKER_HOST", docker.host(),
                "DOCKER_CONFIG", docker.dockerConfig().toString(),
                "DOCKER_CONTEXT", "default",
                "DOCKER_BUILDKIT", "0",
                "DOCKER_CLI_HINTS", "false"),
            DockerEngine.LONG);
    return new Outcome(result, tag);
  }

  private static String cli() {
    return Optional.ofNullable(System.getProperty(DockerEngine.CLI_PROPERTY))
        .or(() -> Optional.ofNullable(System.getenv("DOCKERLINT_DOCKER_CLI")))
        .orElse("docker");
  }

  @Override
  public void close() {
    List<String> failures = new ArrayList<>();
    for (String tag : tags) {
      ProcessRunner.Result rm = docker.docker(DockerEngine.SHORT, "image", "rm", "-f", tag);
      if (!rm.ok() && !rm.stderr().contains("No such image")) {
        failures.add(rm.describe());
      }
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException("cannot remove built images: " + failures);
    }
  }
}
