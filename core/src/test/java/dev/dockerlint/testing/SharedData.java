package dev.dockerlint.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared test data that lives beside the repository ({@code ../shared}: BuildKit's
 * conformance cases and the corpus of real Dockerfiles). Tests fail, not skip, when it is missing:
 * conformance is part of what the build proves.
 */
public final class SharedData {
  private SharedData() {}

  public static Path root() {
    String prop = System.getProperty("dockerlint.shared");
    if (prop != null && Files.isDirectory(Path.of(prop, "conformance"))) {
      return Path.of(prop).toAbsolutePath().normalize();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared");
      if (Files.isDirectory(candidate.resolve("conformance"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "shared test data not found: expected a 'shared' folder beside the repository"
            + " (or -Ddockerlint.shared=DIR)");
  }

  public static Path conformance(String first, String... more) {
    return root().resolve("conformance").resolve(Path.of(first, more));
  }

  public static Path corpus(String first, String... more) {
    return root().resolve("corpus").resolve(Path.of(first, more));
  }
}
