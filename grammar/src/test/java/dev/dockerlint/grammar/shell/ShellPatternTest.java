package dev.dockerlint.grammar.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShellPatternTest {
  private static ShellPattern lazy(String pattern) throws ShellPattern.InvalidPatternException {
    return ShellPattern.compile(pattern, false);
  }

  private static ShellPattern greedy(String pattern) throws ShellPattern.InvalidPatternException {
    return ShellPattern.compile(pattern, true);
  }

  @Test
  void lazyStarMatchesAsLittleAsPossible() throws Exception {
    assertThat(lazy("*/").trimPrefix("a/b/c")).isEqualTo("b/c");
  }

  @Test
  void greedyStarMatchesAsMuchAsPossible() throws Exception {
    assertThat(greedy("*/").trimPrefix("a/b/c")).isEqualTo("c");
  }

  @Test
  void lazyStarAloneMatchesNothing() throws Exception {
    assertThat(lazy("*").trimPrefix("abc")).isEqualTo("abc");
  }

  @Test
  void starStopsAtANewline() throws Exception {
    assertThat(greedy("*").trimPrefix("ab\ncd")).isEqualTo("\ncd");
  }

  @Test
  void trimSuffixWorksOnTheReversedPattern() throws Exception {
    assertThat(lazy(ShellPattern.reverse("/*")).trimSuffixOfReversed("a/b/c")).isEqualTo("a/b");
    assertThat(greedy(ShellPattern.reverse("/*")).trimSuffixOfReversed("a/b/c")).isEqualTo("a");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"a\\*c|c\\*a", "ab\\|\\ba", "\\\\b|b\\\\", "x🚀\\?|\\?🚀x", "|"})
  void reverseKeepsEachBackslashBeforeTheCharacterItEscapes(String pattern, String reversed) {
    assertThat(ShellPattern.reverse(pattern == null ? "" : pattern))
        .isEqualTo(reversed == null ? "" : reversed);
  }

  @Test
  void leadingByteOrderMarkIsIgnored() throws Exception {
    assertThat(lazy("\uFEFFa").trimPrefix("ab")).isEqualTo("b");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"\\x|invalid escape '\\x'", "a\\|invalid escape '\\\uFFFD'"})
  void onlyWildcardsAndBackslashCanBeEscaped(String pattern, String message) {
    assertThatThrownBy(() -> lazy(pattern))
        .isInstanceOf(ShellPattern.InvalidPatternException.class)
        .hasMessage(message);
  }

  @Test
  void replaceFirstReplacesTheLeftmostMatch() throws Exception {
    assertThat(greedy("b?").replaceFirst("abcabc", "$0")).isEqualTo("a$0abc");
  }

  @Test
  void replaceAllReplacesNonOverlappingMatches() throws Exception {
    assertThat(greedy("aa").replaceAll("aaaaa", "b")).isEqualTo("bba");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "<$0>|a<->b",
        "<${0}>|a<->b",
        "$$0|a$0b",
        "$0x|ab",
        "$1|ab",
        "${x}|ab",
        "$|a$b",
        "${0|a${0b",
        "$-|a$-b"
      })
  void replaceAllExpandsTheTemplateLikeGo(String template, String expected) throws Exception {
    assertThat(greedy("-").replaceAll("a-b", template)).isEqualTo(expected);
  }

  @Test
  void manyStarsWithoutAMatchStillFinish() throws Exception {
    assertThat(lazy("*a*a*a*a*a*a*a*a*a*a*b").trimPrefix("a".repeat(2000)))
        .isEqualTo("a".repeat(2000));
  }
}
