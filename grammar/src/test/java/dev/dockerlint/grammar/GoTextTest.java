package dev.dockerlint.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GoTextTest {
  @ParameterizedTest
  @ValueSource(
      ints = {
        '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2000, 0x2007, 0x200A, 0x2028,
        0x2029, 0x202F, 0x205F, 0x3000
      })
  void spaceIsWhatGoCallsSpace(int cp) {
    assertThat(GoText.isSpace(cp)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {'a', 0x1C, 0x1F, 0x180E, 0x200B, 0xFEFF, GoText.EOF})
  void otherCharactersAreNoSpace(int cp) {
    assertThat(GoText.isSpace(cp)).isFalse();
  }

  @Test
  void endOfInputPrintsAsTheReplacementCharacter() {
    assertThat(GoText.runeString(GoText.EOF)).isEqualTo("\uFFFD");
  }

  @Test
  void quoteEscapesLikeGoStrconvQuote() {
    assertThat(GoText.quote("a\"b\\c\t\n\u0001\u007f\u00a0é🚀\u200b\uDB40\uDC01\u0007\u000b"))
        .isEqualTo("\"a\\\"b\\\\c\\t\\n\\x01\\x7f\\u00a0é🚀\\u200b\\U000e0001\\a\\v\"");
  }

  @Test
  void quoteShowsALoneSurrogateAsTheReplacementCharacter() {
    assertThat(GoText.quote("\uD800")).isEqualTo("\"\\ufffd\"");
  }
}
