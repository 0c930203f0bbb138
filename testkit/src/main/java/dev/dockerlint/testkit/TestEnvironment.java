package dev.dockerlint.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings the testkit reads: environment variables first, then the {@code export} lines that
 * {@code .ci/services.sh start} writes to {@code $DOCKERLINT_STATE/services.env}, so that a test
 * started from an IDE finds the services without sourcing anything.
 */
public final class TestEnvironment {

  /** Fails a test instead of skipping it when the Docker Engine or registries are missing. */
  public static final String REQUIRE_DOCKER = "dockerlint.requireDocker";

  /** Fails a test instead of skipping it when the fixtures of .ci/fixtures.sh are missing. */
  public static final String REQUIRE_FIXTURES = "dockerlint.requireFixtures";

  /** Default of {@code DOCKERLINT_STATE}, as in .ci/services.sh. */
  public static final String DEFAULT_STATE = "/tmp/dockerlint-ci";

  private static final Pattern EXPORT =
      Pattern.compile("^export ([A-Z_][A-Z0-9_]*)=(?:'([^']*)'|(\\S*))\\s*$");

  private final Map<String, String> environment;
  private final Map<String, String> servicesFile;
  private final Path servicesFilePath;

  private TestEnvironment(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
    this.servicesFilePath =
        Path.of(environment.getOrDefault("DOCKERLINT_STATE", DEFAULT_STATE), "services.env");
    this.servicesFile = readExports(servicesFilePath);
  }

  /** The environment of this JVM. */
  public static TestEnvironment current() {
    return new TestEnvironment(System.getenv());
  }

  /** An environment made of the given variables (and the services.env they point to). */
  public static TestEnvironment of(Map<String, String> environment) {
    return new TestEnvironment(environment);
  }

  /** The variable from the environment, else from services.env. */
  public Optional<String> get(String name) {
    String value = environment.get(name);
    if (value == null || value.isEmpty()) {
      value = servicesFile.get(name);
    }
    return Optional.ofNullable(value).filter(v -> !v.isEmpty());
  }

  /** Where services.env is looked for. */
  public Path servicesFile() {
    return servicesFilePath;
  }

  /** Whether the system property {@code name} is {@code true}. */
  public static boolean flag(String name) {
    return Boolean.parseBoolean(System.getProperty(name, "false"));
  }

  static Map<String, String> readExports(Path file) {
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    Map<String, String> values = new HashMap<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        Matcher m = EXPORT.matcher(line.strip());
        if (m.matches()) {
          values.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return Map.copyOf(values);
  }
}
