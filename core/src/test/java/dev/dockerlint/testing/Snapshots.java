package dev.dockerlint.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Snapshot files under {@code src/test/resources/snapshots/}: a test's output must equal its
 * snapshot. {@code mvn test -Dsnapshots.update} (re)writes them instead; review them in the diff.
 */
public final class Snapshots {
  private Snapshots() {}

  private static final Path ROOT = Path.of("src", "test", "resources", "snapshots");

  public static void assertMatches(String name, String actual) {
    Path file = ROOT.resolve(name);
    try {
      String update = System.getProperty("snapshots.update");
      if (update != null && !update.equals("false")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      assertThat(file)
          .as("snapshot %s is missing; run the test with -Dsnapshots.update to write it", file)
          .exists();
      assertThat(actual)
          .as("output differs from snapshot %s (update with -Dsnapshots.update)", file)
          .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
