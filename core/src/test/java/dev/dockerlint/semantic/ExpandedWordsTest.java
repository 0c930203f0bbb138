package dev.dockerlint.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockerlint.grammar.shell.ShellLex;
import dev.dockerlint.grammar.shell.ShellLexException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A word is expanded again only when a variable it looked up has another value. */
class ExpandedWordsTest {

  private static final ShellLex LEX = new ShellLex('\\');

  private static ShellLex.Env env(Map<String, String> m) {
    return ShellLex.Env.of(m);
  }

  @Test
  void theSameValuesGiveTheKeptExpansion() throws ShellLexException {
    ExpandedWords first = ExpandedWords.of(LEX);
    ShellLex.Result r = first.process("${A}-$B", env(Map.of("A", "1", "C", "x")));
    ShellLex.Result again = first.next(LEX).process("${A}-$B", env(Map.of("A", "1", "C", "y")));
    assertThat(again).isSameAs(r);
    assertThat(again.result()).isEqualTo("1-");
  }

  @Test
  void anotherValueOfAVariableItReadExpandsItAgain() throws ShellLexException {
    ExpandedWords first = ExpandedWords.of(LEX);
    first.process("${A}-$B", env(Map.of("A", "1")));
    ExpandedWords next = first.next(LEX);
    assertThat(next.process("${A}-$B", env(Map.of("A", "2"))).result()).isEqualTo("2-");
  }

  @Test
  void aVariableThatWasUnsetAndIsSetNowExpandsItAgain() throws ShellLexException {
    ExpandedWords first = ExpandedWords.of(LEX);
    first.process("${A}-${B:-none}", env(Map.of("A", "1")));
    ShellLex.Result r = first.next(LEX).process("${A}-${B:-none}", env(Map.of("A", "1", "B", "b")));
    assertThat(r.result()).isEqualTo("1-b");
    assertThat(r.unmatched()).isEmpty();
  }

  @Test
  void aVariableThatIsUnsetNowExpandsItAgain() throws ShellLexException {
    ExpandedWords first = ExpandedWords.of(LEX);
    first.process("x${A}", env(Map.of("A", "1")));
    ShellLex.Result r = first.next(LEX).process("x${A}", env(Map.of()));
    assertThat(r.result()).isEqualTo("x");
    assertThat(r.unmatched()).containsExactly("A");
  }

  @Test
  void aWordUnusedForOneVersionIsForgotten() throws ShellLexException {
    ExpandedWords first = ExpandedWords.of(LEX);
    ShellLex.Result r = first.process("$A", env(Map.of("A", "1")));
    ExpandedWords third = first.next(LEX).next(LEX);
    assertThat(third.process("$A", env(Map.of("A", "1")))).isNotSameAs(r).isEqualTo(r);
  }

  @Test
  void anotherEscapeCharacterStartsEmpty() throws ShellLexException {
    ExpandedWords first = ExpandedWords.of(LEX);
    first.process("a\\$A", env(Map.of("A", "1")));
    ShellLex backtick = new ShellLex('`');
    assertThat(first.next(backtick).process("a\\$A", env(Map.of("A", "1"))).result())
        .isEqualTo("a\\1");
  }

  @Test
  void aWordTheLexerRejectsIsRejectedEveryTime() {
    ExpandedWords first = ExpandedWords.of(LEX);
    assertThatThrownBy(() -> first.process("${A", env(Map.of())))
        .isInstanceOf(ShellLexException.class);
    assertThatThrownBy(() -> first.next(LEX).process("${A", env(Map.of())))
        .isInstanceOf(ShellLexException.class);
  }
}
