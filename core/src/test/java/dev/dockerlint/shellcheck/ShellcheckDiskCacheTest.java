package dev.dockerlint.shellcheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.image.cache.CacheWarnings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ShellCheck findings kept on disk between runs: what is written is read back as it was. */
class ShellcheckDiskCacheTest {
  static final String KEY = "0123456789abcdef0123456789abcdef";
  static final ShellcheckComment QUOTE =
      new ShellcheckComment(2, 6, 2, 8, "info", 2086, "Double quote to prevent \"globbing\".");
  static final ShellcheckComment BRACKETS =
      new ShellcheckComment(1, 1, 3, 14, "warning", 3010, "In POSIX sh, [[ ]] is undefined. é");

  @TempDir Path root;

  @Test
  void storedFindingsAreReadBackEqualInOrder() {
    new ShellcheckDiskCache(root, "0.9.0").put(KEY, List.of(QUOTE, BRACKETS));

    assertThat(new ShellcheckDiskCache(root, "0.9.0").get(KEY)).contains(List.of(QUOTE, BRACKETS));
    assertThat(new ShellcheckDiskCache(root, "0.9.0").get(KEY.replace('0', '1'))).isEmpty();
  }

  @Test
  void aScriptWithoutFindingsIsAHitWithNoFindings() {
    new ShellcheckDiskCache(root, "0.9.0").put(KEY, List.of());

    assertThat(new ShellcheckDiskCache(root, "0.9.0").get(KEY)).contains(List.of());
  }

  @Test
  void anotherShellcheckVersionDoesNotSeeTheFindings() {
    new ShellcheckDiskCache(root, "0.9.0").put(KEY, List.of(QUOTE));

    assertThat(new ShellcheckDiskCache(root, "0.10.0").get(KEY)).isEmpty();
  }

  @Test
  void readsTheFilesEarlierReleasesWrote() throws IOException {
    // The layout earlier releases wrote (Jackson's record binding): the same keys, in the order
    // of the record's components.
    new ShellcheckDiskCache(root, "0.9.0").put(KEY, List.of());
    Path file;
    try (var files = Files.walk(root)) {
      file = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
    }
    Files.writeString(
        file,
        "[{\"line\":2,\"column\":6,\"endLine\":2,\"endColumn\":8,\"level\":\"info\",\"code\":2086,"
            + "\"message\":\"Double quote to prevent \\\"globbing\\\".\"}]");

    assertThat(new ShellcheckDiskCache(root, "0.9.0").get(KEY)).contains(List.of(QUOTE));
  }

  @Test
  void aDamagedFileIsAMissWithAWarning() throws IOException {
    CacheWarnings.drain();
    new ShellcheckDiskCache(root, "0.9.0").put(KEY, List.of(QUOTE));
    try (var files = Files.walk(root)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        Files.writeString(f, "{\"comments\": [");
      }
    }

    assertThat(new ShellcheckDiskCache(root, "0.9.0").get(KEY)).isEmpty();
    assertThat(CacheWarnings.drain())
        .singleElement()
        .asString()
        .startsWith("cannot read cached ShellCheck findings ");
  }
}
