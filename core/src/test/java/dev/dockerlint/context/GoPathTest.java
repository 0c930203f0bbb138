package dev.dockerlint.context;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoPathTest {
  @ParameterizedTest(name = "clean({0}) = {1}")
  @CsvSource({
    "'', .",
    "., .",
    "./a, a",
    "a/, a",
    "a//b, a/b",
    "a/./b, a/b",
    "a/../b, b",
    "../a, ../a",
    "/../a, /a",
    "/, /",
    "a/b/../.., .",
  })
  void cleanFollowsGo(String path, String cleaned) {
    assertThat(GoPath.clean(path)).isEqualTo(cleaned);
  }

  @Test
  void trimSpaceRemovesGoWhitespace() {
    assertThat(GoPath.trimSpace("\u00a0\t x \r\u0085")).isEqualTo("x");
  }
}
