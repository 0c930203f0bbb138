package dev.dockerlint.imagefs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FsPathsTest {

  @ParameterizedTest
  @CsvSource({
    "/, /",
    "/usr/bin/sh, /usr/bin/sh",
    "/usr/bin/, /usr/bin",
    "//usr//bin, /usr/bin",
    "/usr/./bin, /usr/bin",
    "/usr/../bin/sh, /bin/sh",
    "/.., /",
    "/a/.b/..c, /a/.b/..c",
    "/a/., /a",
    "bin/sh, /app/bin/sh",
    "../.., /",
  })
  void cleansLikeGoPathCleanAgainstTheWorkdir(String path, String expected) {
    assertThat(FsPaths.absolute("/app", path)).isEqualTo(expected);
  }
}
