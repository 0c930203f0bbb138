package dev.dockerlint.context;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoGlobTest {
  @ParameterizedTest(name = "''{0}'' matches ''{1}''")
  @CsvSource({
    "abc, abc",
    "*, abc",
    "*c, abc",
    "a*, a",
    "a*b*c, axbyc",
    "a?c, abc",
    "[a-c]x, bx",
    "[^a]x, bx",
    "[!a]x, !x",
    "\\*, *",
    "a\\[b, a[b",
    "*/b, a/b",
    "*.txt, .hidden.txt",
    "[\\-], -",
    "ä?, äö",
  })
  void matching(String pattern, String name) {
    assertThat(GoGlob.matches(pattern, name)).isTrue();
  }

  @ParameterizedTest(name = "''{0}'' does not match ''{1}''")
  @CsvSource({
    "abc, abd",
    "*, a/b",
    "a?c, a/c",
    "[^a]x, ax",
    "*.txt, dir/a.txt",
    "a*, ba",
    "**, a/b",
  })
  void notMatching(String pattern, String name) {
    assertThat(GoGlob.matches(pattern, name)).isFalse();
  }

  @ParameterizedTest(name = "''{0}'' is malformed")
  @CsvSource({"[", "[]", "[]a]", "a\\", "[a-", "[-a]", "x*[", "a[b"})
  void malformedPatterns(String pattern) {
    assertThat(GoGlob.syntaxError(pattern)).isNotNull();
  }

  @ParameterizedTest(name = "''{0}'' has wildcards: {1}")
  @CsvSource({"a*, true", "a?, true", "[ab], true", "a\\*, false", "plain, false"})
  void wildcardDetectionSkipsEscapes(String element, boolean expected) {
    assertThat(GoGlob.hasWildcards(element)).isEqualTo(expected);
  }
}
