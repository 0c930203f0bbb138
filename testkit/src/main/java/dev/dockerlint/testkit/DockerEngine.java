package dev.dockerlint.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A real Docker Engine, reached through the {@code docker} CLI at {@code DOCKER_HOST}. Tests get
 * one from {@link DockerEngineExtension}; it removes the images it loaded or pulled when the test
 * class ends.
 *
 * <p>The CLI runs with its own empty {@code DOCKER_CONFIG}, so the user's credentials, contexts and
 * plugins never leak into a test.
 */
public final class DockerEngine implements AutoCloseable {

  /** The CLI to run: {@code -Ddockerlint.dockerCli=...}, else {@code DOCKERLINT_DOCKER_CLI}. */
  public static final String CLI_PROPERTY = "dockerlint.dockerCli";

  /** Timeout of quick commands (inspect, rm, version). */
  public static final Duration SHORT = Duration.ofSeconds(30);

  /** Timeout of commands that move images (load, pull, push). */
  public static final Duration LONG = Duration.ofMinutes(3);

  private final String host;
  private final String cli;
  private final Path config;
  private final Set<String> images = Collections.synchronizedSet(new LinkedHashSet<>());

  private DockerEngine(String host, String cli) {
    this.host = host;
    this.cli = cli;
    try {
      this.config = Files.createTempDirectory("dockerlint-docker-config");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a DOCKER_CONFIG directory", e);
    }
  }

  /**
   * Connects to the engine at {@code DOCKER_HOST} of {@code environment}.
   *
   * @throws ServiceUnavailableException when DOCKER_HOST is unset or no engine answers there
   */
  public static DockerEngine connect(TestEnvironment environment) {
    String host =
        environment
            .get("DOCKER_HOST")
            .orElseThrow(
                () ->
                    new ServiceUnavailableException(
                        "DOCKER_HOST is not set and "
                            + environment.servicesFile()
                            + " does not exist"));
    String cli =
        Optional.ofNullable(System.getProperty(CLI_PROPERTY))
            .or(() -> environment.get("DOCKERLINT_DOCKER_CLI"))
            .orElse("docker");
    DockerEngine engine = new DockerEngine(host, cli);
    ProcessRunner.Result version;
    try {
      version = engine.docker(SHORT, "version", "--format", "{{.Server.Version}}");
    } catch (UncheckedIOException e) {
      engine.close();
      throw new ServiceUnavailableException(
          "cannot run the Docker CLI '" + cli + "': " + e.getMessage());
    }
    if (!version.ok()) {
      engine.close();
      throw new ServiceUnavailableException(
          "no Docker Engine answers at " + host + ": " + version.describe());
    }
    return engine;
  }

  /** The {@code DOCKER_HOST} this engine answers on. */
  public String host() {
    return host;
  }

  /** The private {@code DOCKER_CONFIG} directory of the CLI (where {@code login} writes). */
  public Path dockerConfig() {
    return config;
  }

  /** The engine's version, e.g. {@code 20.10.24+dfsg1}. */
  public String serverVersion() {
    return docker(SHORT, "version", "--format", "{{.Server.Version}}").orThrow().stdout().strip();
  }

  /** The CLI's version. */
  public String clientVersion() {
    return docker(SHORT, "version", "--format", "{{.Client.Version}}").orThrow().stdout().strip();
  }

  /** Runs {@code docker args...} and returns how it ended, successful or not. */
  public ProcessRunner.Result docker(Duration timeout, String... args) {
    return docker(timeout, Optional.empty(), args);
  }

  /** Runs {@code docker args...} with {@code stdin} as standard input. */
  public ProcessRunner.Result docker(Duration timeout, Optional<byte[]> stdin, String... args) {
    return docker(timeout, stdin, ProcessRunner.DEFAULT_MAX_OUTPUT_BYTES, List.of(args));
  }

  ProcessRunner.Result docker(
      Duration timeout, Optional<byte[]> stdin, int maxOutputBytes, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(cli);
    command.addAll(args);
    return ProcessRunner.run(command, environment(), stdin, timeout, maxOutputBytes);
  }

  private Map<String, String> environment() {
    return Map.of(
        "DOCKER_HOST", host,
        "DOCKER_CONFIG", config.toString(),
        "DOCKER_CONTEXT", "default",
        "DOCKER_CLI_HINTS", "false",
        "DOCKER_CONTENT_TRUST", "0");
  }

  /**
   * Writes {@code image} as a docker-archive and {@code docker load}s it.
   *
   * @return the image's tag
   * @throws IllegalStateException if the load fails or the engine computes another image ID
   */
  public String load(ImageTarball image) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("dockerlint-image");
      Path tar = image.writeDockerArchive(dir.resolve("image.tar"));
      load(tar);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write an image tarball", e);
    } finally {
      deleteTree(dir);
    }
    images.add(image.tag());
    String id = imageId(image.tag());
    if (!id.equals(image.id().toString())) {
      throw new IllegalStateException(
          "docker load gave " + image.tag() + " the ID " + id + ", expected " + image.id());
    }
    return image.tag();
  }

  /** {@code docker load -i tarball}; returns what the CLI printed. */
  public String load(Path tarball) {
    return docker(LONG, "load", "-i", tarball.toString()).orThrow().stdout().strip();
  }

  /** The ID of a local image, {@code sha256:...}. */
  public String imageId(String reference) {
    return docker(SHORT, "image", "inspect", "--format", "{{.Id}}", reference)
        .orThrow()
        .stdout()
        .strip();
  }

  /** {@code docker image inspect --format template reference}, stripped. */
  public String inspectImage(String reference, String template) {
    return docker(SHORT, "image", "inspect", "--format", template, reference)
        .orThrow()
        .stdout()
        .strip();
  }

  /**
   * {@code docker pull [--platform p] reference}; the image is removed when this engine closes.
   * Returns how the pull ended, so tests can look at failures too.
   */
  public ProcessRunner.Result pull(String reference, Optional<Platform> platform) {
    List<String> args = new ArrayList<>(List.of("pull", "-q"));
    platform.ifPresent(p -> args.addAll(List.of("--platform", p.toString())));
    args.add(reference);
    images.add(reference);
    return docker(LONG, args.toArray(String[]::new));
  }

  /** {@code docker login} into {@code registry} ({@code host:port}) with a password on stdin. */
  public void login(String registry, String user, String password) {
    docker(
            SHORT,
            Optional.of(password.getBytes(StandardCharsets.UTF_8)),
            "login",
            "--username",
            user,
            "--password-stdin",
            registry)
        .orThrow();
  }

  /** Removes a local image (forcefully, with its untagged parents). */
  public void removeImage(String reference) {
    images.remove(reference);
    docker(SHORT, "image", "rm", "-f", reference).orThrow();
  }

  /** A container of {@code image} to configure and run. */
  public Container.Builder container(String image) {
    return Container.builder(this, image);
  }

  /** Removes the images this engine loaded or pulled and deletes its DOCKER_CONFIG. */
  @Override
  public void close() {
    List<String> failures = new ArrayList<>();
    List<String> left;
    synchronized (images) {
      left = new ArrayList<>(images);
      images.clear();
    }
    for (String image : left) {
      ProcessRunner.Result rm = docker(SHORT, "image", "rm", "-f", image);
      if (!rm.ok() && !rm.stderr().contains("No such image")) {
        failures.add(rm.describe());
      }
    }
    deleteTree(config);
    if (!failures.isEmpty()) {
      throw new IllegalStateException("cannot remove test images: " + failures);
    }
  }

  static void deleteTree(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }
}
