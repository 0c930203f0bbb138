package dev.dockerlint.grammar.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeredocsTest {
  private static HeredocMarker opener(String word) throws ShellLexException {
    return Heredocs.parse(word).orElseThrow(() -> new AssertionError(word + " is no opener"));
  }

  @Test
  void plainOpenerExpandsAndKeepsTabs() throws ShellLexException {
    assertThat(opener("<<END")).isEqualTo(new HeredocMarker("END", 0, true, false));
  }

  @Test
  void dashOpenerChomps() throws ShellLexException {
    assertThat(opener("<<-END")).isEqualTo(new HeredocMarker("END", 0, true, true));
  }

  @Test
  void digitsBeforeTheOperatorAreTheFileDescriptor() throws ShellLexException {
    assertThat(opener("007<<END").fileDescriptor()).isEqualTo(7);
  }

  @Test
  void fileDescriptorTooLargeForAnIntSaturates() throws ShellLexException {
    assertThat(opener("99999999999999999999999<<END").fileDescriptor())
        .isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void blanksBetweenOperatorAndTerminatorAreSkipped() throws ShellLexException {
    assertThat(opener("<<- \t\rEND")).isEqualTo(new HeredocMarker("END", 0, true, true));
  }

  @Test
  void quotedTerminatorTurnsOffExpansion() throws ShellLexException {
    assertThat(opener("<<\"END\"")).isEqualTo(new HeredocMarker("END", 0, false, false));
  }

  @Test
  void partlyQuotedTerminatorTurnsOffExpansion() throws ShellLexException {
    assertThat(opener("<<E'N'D")).isEqualTo(new HeredocMarker("END", 0, false, false));
  }

  @Test
  void escapedQuoteIsPartOfTheNameAndKeepsExpansion() throws ShellLexException {
    assertThat(opener("<<E\\'ND")).isEqualTo(new HeredocMarker("E'ND", 0, true, false));
  }

  @Test
  void variablesInTheTerminatorStayAsWritten() throws ShellLexException {
    assertThat(opener("<<${A:-b}$C").name()).isEqualTo("${A:-b}$C");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "END",
        "x<<END",
        "<END",
        "<<",
        "<<-",
        "<< ",
        "<<a<b",
        "<<END cat",
        "<<''",
        "٣<<END"
      })
  void wordIsNoOpener(String word) throws ShellLexException {
    assertThat(Heredocs.parse(word)).isEmpty();
  }

  @Test
  void unbalancedQuoteInTheTerminatorFails() {
    assertThatThrownBy(() -> Heredocs.parse("<<'END"))
        .isInstanceOf(ShellLexException.class)
        .hasMessage(
            "failed to process \"'END\": unexpected end of statement while looking for matching"
                + " single-quote");
  }

  @Test
  void terminatorThatSplitsDifferentlyWithRawQuotesFails() {
    assertThatThrownBy(() -> Heredocs.parse("<<x ''"))
        .isInstanceOf(ShellLexException.class)
        .hasMessage("internal lexing of heredoc produced inconsistent results: x ''");
  }

  @Test
  void lineOpenersComeInOrder() {
    assertThat(Heredocs.fromLine("COPY <<A 3<<-'B' /dst"))
        .containsExactly(
            new HeredocMarker("A", 0, true, false), new HeredocMarker("B", 3, false, true));
  }

  @Test
  void quotedOperatorOnALineIsNoOpener() {
    assertThat(Heredocs.fromLine("RUN echo '<<A' \"<<B\" \\<<C")).isEmpty();
  }

  @Test
  void operatorFollowedByBlanksOnALineOpens() {
    assertThat(Heredocs.fromLine("RUN <<  END  > out"))
        .extracting(HeredocMarker::name)
        .containsExactly("END");
  }

  @Test
  void lineThatDoesNotLexHasNoOpeners() {
    assertThat(Heredocs.fromLine("RUN <<END \"unclosed")).isEmpty();
  }

  @Test
  void lineOpenersIgnoreVariablesBeingUnset() {
    assertThat(Heredocs.fromLine("RUN <<$END"))
        .extracting(HeredocMarker::name)
        .containsExactly("$END");
  }

  @Test
  void openerWhoseTerminatorHasAModifierExpansionIsLostLikeBuildKit() {
    // the line lexer drops the "<<" already read when it lexes the ${A:-x} word
    assertThat(Heredocs.fromLine("RUN <<\"${A:-x}\"")).isEmpty();
  }
}
