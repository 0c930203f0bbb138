package dev.dockerlint.grammar.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Word splitting of {@link ShellLex#processWords}. */
class ShellLexWordsTest {
  private static final ShellLex LEX = new ShellLex('\\');
  private static final ShellLex.Env ENV =
      ShellLex.Env.of(Map.of("NAME", "app", "SPACED", "x  y", "LEADING", " x", "EMPTY", ""));

  private static List<String> split(String word) throws ShellLexException {
    return LEX.processWords(word, ENV);
  }

  @Test
  void unquotedBlanksSplitWords() throws ShellLexException {
    assertThat(split("a b\tc\nd")).containsExactly("a", "b", "c", "d");
  }

  @Test
  void runsOfBlanksAndBlanksAtTheEdgesGiveNoEmptyWords() throws ShellLexException {
    assertThat(split("  a   b  ")).containsExactly("a", "b");
  }

  @Test
  void emptyInputGivesNoWords() throws ShellLexException {
    assertThat(split("")).isEmpty();
  }

  @Test
  void unicodeBlanksSplitLikeGo() throws ShellLexException {
    assertThat(split("a\u00a0b\u2003c\u0085d")).containsExactly("a", "b", "c", "d");
  }

  @Test
  void informationSeparatorsDoNotSplit() throws ShellLexException {
    assertThat(split("a\u001cb c")).containsExactly("a\u001cb", "c");
  }

  @Test
  void quotedBlanksDoNotSplit() throws ShellLexException {
    assertThat(split("a\" b \"c 'd e'")).containsExactly("a b c", "d e");
  }

  @Test
  void escapedBlankDoesNotSplit() throws ShellLexException {
    assertThat(split("a\\ b")).containsExactly("a b");
  }

  @Test
  void expansionOutsideQuotesSplits() throws ShellLexException {
    assertThat(split("pre${SPACED}post")).containsExactly("prex", "ypost");
  }

  @Test
  void expansionInsideQuotesDoesNotSplit() throws ShellLexException {
    assertThat(split("\"$SPACED\"")).containsExactly("x  y");
  }

  @Test
  void leadingBlankOfAnExpansionEndsTheWord() throws ShellLexException {
    assertThat(split("a$LEADING")).containsExactly("a", "x");
  }

  @Test
  void emptyExpansionAloneGivesNoWord() throws ShellLexException {
    assertThat(split("$EMPTY $MISSING")).isEmpty();
  }

  @Test
  void emptyQuotesAloneGiveNoWord() throws ShellLexException {
    assertThat(split("'' \"\" a")).containsExactly("a");
  }

  @Test
  void textBeforeAPlainExpansionIsKept() throws ShellLexException {
    assertThat(split("pre${NAME}post")).containsExactly("preapppost");
  }

  @Test
  void textBeforeAModifierExpansionIsLostLikeBuildKit() throws ShellLexException {
    // BuildKit >= 0.15 shares one buffer with the nested lexing of the modifier word
    assertThat(split("x pre${MISSING:-mid}post")).containsExactly("x", "midpost");
  }

  @Test
  void processWordKeepsTheTextThatProcessWordsLoses() throws ShellLexException {
    assertThat(LEX.processWord("pre${MISSING:-mid}post", ENV).result()).isEqualTo("premidpost");
  }

  @Test
  void heredocOperatorKeepsTheBlanksAfterIt() throws ShellLexException {
    assertThat(split("cat << \tEOF > f")).containsExactly("cat", "<< \tEOF", ">", "f");
  }

  @Test
  void singleLessThanIsOrdinary() throws ShellLexException {
    assertThat(split("a < b")).containsExactly("a", "<", "b");
  }

  @Test
  void splittingUsesTheLexerOptions() throws ShellLexException {
    assertThat(LEX.withRawQuotes(true).processWords("'a b' c", ENV)).containsExactly("'a b'", "c");
  }

  @Test
  void wordsAreUnmodifiable() throws ShellLexException {
    List<String> words = split("a b");
    assertThatThrownBy(() -> words.add("c")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void lexingErrorsAreThrown() {
    assertThatThrownBy(() -> split("a \"b"))
        .isInstanceOf(ShellLexException.class)
        .hasMessageEndingWith("matching double-quote");
  }
}
