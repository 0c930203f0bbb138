package dev.dockerlint.grammar.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShellLexTest {
  private static final ShellLex LEX = new ShellLex('\\');

  /** Variables most tests use; {@code EMPTY} is set but empty, {@code MISSING} is never set. */
  private static final ShellLex.Env ENV =
      env("NAME", "app", "EMPTY", "", "VERSION", "v1.2.3", "SPACED", "x  y");

  private static ShellLex.Env env(String... keysAndValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return ShellLex.Env.of(m);
  }

  private static String expand(String word) throws ShellLexException {
    return LEX.processWord(word, ENV).result();
  }

  private static String expand(ShellLex lex, String word) throws ShellLexException {
    return lex.processWord(word, ENV).result();
  }

  private static ShellLexException failure(String word) {
    return failure(LEX, word);
  }

  private static ShellLexException failure(ShellLex lex, String word) {
    try {
      String result = lex.processWord(word, ENV).result();
      throw new AssertionError("expected " + word + " to fail, got " + result);
    } catch (ShellLexException e) {
      return e;
    }
  }

  @Nested
  class Variables {
    @Test
    void plainTextIsUnchanged() throws ShellLexException {
      assertThat(expand("/usr/local/bin:x=1")).isEqualTo("/usr/local/bin:x=1");
    }

    @Test
    void dollarNameExpands() throws ShellLexException {
      assertThat(expand("$NAME-x")).isEqualTo("app-x");
    }

    @Test
    void bracedNameExpands() throws ShellLexException {
      assertThat(expand("${NAME}x")).isEqualTo("appx");
    }

    @Test
    void unsetVariableExpandsToEmpty() throws ShellLexException {
      assertThat(expand("a${MISSING}b$MISSING")).isEqualTo("ab");
    }

    @Test
    void nameStopsAtFirstNonNameCharacter() throws ShellLexException {
      assertThat(expand("$NAME.tar")).isEqualTo("app.tar");
    }

    @Test
    void namesIncludeUnicodeLettersDigitsAndUnderscore() throws ShellLexException {
      assertThat(LEX.processWord("$größe_2!", env("größe_2", "L")).result()).isEqualTo("L!");
    }

    @ParameterizedTest
    @ValueSource(strings = {"$", "cost$", "$/x", "$.", "a $ b", "$%"})
    void dollarNotFollowedByANameIsLiteral(String word) throws ShellLexException {
      assertThat(expand(word)).isEqualTo(word);
    }

    @Test
    void positionalParameterIsTheWholeDigitRun() throws ShellLexException {
      ShellLex.Result result = LEX.processWord("$12ab", env("1", "one"));
      assertThat(result.result()).isEqualTo("ab");
      assertThat(result.unmatched()).containsExactly("12");
    }

    @Test
    void bracedPositionalParameterCanBeSet() throws ShellLexException {
      assertThat(LEX.processWord("${0123}", env("0123", "x")).result()).isEqualTo("x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"@", "*", "#", "?", "-", "$", "!"})
    void specialParameterIsOneCharacter(String parameter) throws ShellLexException {
      ShellLex.Result result = LEX.processWord("$" + parameter + "x", ENV);
      assertThat(result.result()).isEqualTo("x");
      assertThat(result.unmatched()).containsExactly(parameter);
    }

    @Test
    void bracedSpecialParameterExpands() throws ShellLexException {
      assertThat(LEX.processWord("${#}", env("#", "3")).result()).isEqualTo("3");
    }

    @Test
    void lengthOfVariableIsUnsupported() {
      assertThat(failure("${#NAME}").reason())
          .isEqualTo("unsupported modifier (N) in substitution");
    }

    @Test
    void leadingByteOrderMarkIsDropped() throws ShellLexException {
      assertThat(expand("\uFEFF$NAME\uFEFF")).isEqualTo("app\uFEFF");
    }
  }

  @Nested
  class Modifiers {
    @Test
    void dashUsesWordWhenUnset() throws ShellLexException {
      assertThat(expand("${MISSING-def}")).isEqualTo("def");
    }

    @Test
    void dashKeepsEmptyValue() throws ShellLexException {
      assertThat(expand("${EMPTY-def}")).isEqualTo("");
    }

    @Test
    void colonDashUsesWordWhenEmpty() throws ShellLexException {
      assertThat(expand("${EMPTY:-def}")).isEqualTo("def");
    }

    @Test
    void colonDashKeepsNonEmptyValue() throws ShellLexException {
      assertThat(expand("${NAME:-def}")).isEqualTo("app");
    }

    @Test
    void modifierWordIsExpanded() throws ShellLexException {
      assertThat(expand("${MISSING:-$NAME/bin}")).isEqualTo("app/bin");
    }

    @Test
    void modifiersNest() throws ShellLexException {
      assertThat(expand("${MISSING:-${ALSO_MISSING:-deep}}")).isEqualTo("deep");
    }

    @Test
    void modifierWordKeepsBlanksAndBraces() throws ShellLexException {
      assertThat(expand("${MISSING:-a  {b}")).isEqualTo("a  {b");
    }

    @Test
    void plusUsesWordWhenSetEvenIfEmpty() throws ShellLexException {
      assertThat(expand("${NAME+alt}|${EMPTY+alt}|${MISSING+alt}")).isEqualTo("alt|alt|");
    }

    @Test
    void colonPlusTreatsEmptyAsUnset() throws ShellLexException {
      assertThat(expand("${NAME:+alt}|${EMPTY:+alt}|${MISSING:+alt}")).isEqualTo("alt||");
    }

    @Test
    void questionMarkReturnsSetValue() throws ShellLexException {
      assertThat(expand("${NAME?}${EMPTY?}${NAME:?}")).isEqualTo("appapp");
    }

    @Test
    void questionMarkFailsWhenUnset() {
      assertThat(failure("${MISSING?}").reason()).isEqualTo("MISSING: is not allowed to be unset");
    }

    @Test
    void colonQuestionMarkFailsWhenEmpty() {
      assertThat(failure("${EMPTY:?}").reason()).isEqualTo("EMPTY: is not allowed to be empty");
    }

    @Test
    void questionMarkWordIsTheExpandedMessage() {
      assertThat(failure("${MISSING:?set it for $NAME}").reason())
          .isEqualTo("MISSING: set it for app");
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "${NAME=x}|=",
          "${NAME:=x}|:=",
          "${NAME:x}|:x",
          "${NAME::x}|::",
          "${NAME:/a/b}|:/"
        })
    void otherModifiersAreUnsupported(String word, String modifier) {
      assertThat(failure(word).reason())
          .isEqualTo("unsupported modifier (" + modifier + ") in substitution");
    }

    @ParameterizedTest
    @ValueSource(strings = {"${NAME:#a}", "${NAME:##a}", "${NAME:%a}", "${NAME:%%a}"})
    void patternModifiersTakeNoColon(String word) {
      assertThat(failure(word).reason()).startsWith("unsupported modifier (:");
    }
  }

  @Nested
  class Patterns {
    @Test
    void hashRemovesShortestPrefix() throws ShellLexException {
      assertThat(expand("${VERSION#*.}")).isEqualTo("2.3");
    }

    @Test
    void doubleHashRemovesLongestPrefix() throws ShellLexException {
      assertThat(expand("${VERSION##*.}")).isEqualTo("3");
    }

    @Test
    void percentRemovesShortestSuffix() throws ShellLexException {
      assertThat(expand("${VERSION%.*}")).isEqualTo("v1.2");
    }

    @Test
    void doublePercentRemovesLongestSuffix() throws ShellLexException {
      assertThat(expand("${VERSION%%.*}")).isEqualTo("v1");
    }

    @Test
    void prefixPatternIsAnchoredAtTheStart() throws ShellLexException {
      assertThat(expand("${VERSION#1}")).isEqualTo("v1.2.3");
    }

    @Test
    void suffixPatternIsAnchoredAtTheEnd() throws ShellLexException {
      assertThat(expand("${VERSION%2}")).isEqualTo("v1.2.3");
    }

    @Test
    void questionMarkMatchesExactlyOneCharacter() throws ShellLexException {
      assertThat(expand("${VERSION#v?}")).isEqualTo(".2.3");
    }

    @Test
    void questionMarkMatchesACodePointNotAUtf16Unit() throws ShellLexException {
      assertThat(LEX.processWord("${R#?}", env("R", "🚀ab")).result()).isEqualTo("ab");
    }

    @Test
    void emptyPatternLeavesValue() throws ShellLexException {
      assertThat(expand("${NAME#}${NAME##}${NAME%}${NAME%%}")).isEqualTo("appappappapp");
    }

    @Test
    void lazyStarsTakeTheShortestMatch() throws ShellLexException {
      assertThat(LEX.processWord("${V#*x*y}", env("V", "axbyxy")).result()).isEqualTo("xy");
    }

    @Test
    void greedyStarsTakeTheLongestMatch() throws ShellLexException {
      assertThat(LEX.processWord("${V##*x*y}", env("V", "axbyxyz")).result()).isEqualTo("z");
    }

    @Test
    void wildcardsDoNotMatchNewlines() throws ShellLexException {
      ShellLex.Env env = env("V", "ab\ncd");
      assertThat(LEX.processWord("${V##*c}|${V#ab?}", env).result()).isEqualTo("ab\ncd|ab\ncd");
    }

    @Test
    void escapedWildcardsAreLiteral() throws ShellLexException {
      ShellLex.Env env = env("V", "a*?\\b");
      assertThat(LEX.processWord("${V#a\\*\\?\\\\}", env).result()).isEqualTo("b");
    }

    @Test
    void escapedBraceAndSlashMatchThemselves() throws ShellLexException {
      assertThat(LEX.processWord("${V#a\\/b\\}}", env("V", "a/b}c")).result()).isEqualTo("c");
    }

    @Test
    void regexMetacharactersAreLiteral() throws ShellLexException {
      ShellLex.Env env = env("V", "(a)[b]{c}.+|^$x");
      assertThat(LEX.processWord("${V#(a)[b]{c\\}.+|^$}", env).result()).isEqualTo("x");
    }

    @Test
    void patternIsExpanded() throws ShellLexException {
      assertThat(LEX.processWord("${VERSION#$P}", env("VERSION", "v1.2", "P", "v1.")).result())
          .isEqualTo("2");
    }

    @Test
    void quotesInPatternDoNotMakeWildcardsLiteral() throws ShellLexException {
      assertThat(LEX.processWord("${V#\"a*\"}", env("V", "abc")).result()).isEqualTo("bc");
    }

    @Test
    void longestMatchIsChosenAfterQuotesAreRemoved() throws ShellLexException {
      // BuildKit checks for ## on the lexed word, so a quoted second # still means "longest"
      assertThat(LEX.processWord("${V#\"#\"*}", env("V", "abc")).result()).isEqualTo("");
    }

    @Test
    void patternOnUnsetVariableGivesEmpty() throws ShellLexException {
      assertThat(expand("${MISSING#a}${MISSING%%*}")).isEqualTo("");
    }

    @Test
    void invalidEscapeInPatternFails() {
      assertThat(failure("${NAME#\\a}").reason())
          .isEqualTo("invalid pattern (\\a) in substitution: invalid escape '\\a'");
    }

    @Test
    void suffixPatternErrorShowsTheReversedPattern() {
      assertThat(failure("${NAME%x\\a}").reason())
          .isEqualTo("invalid pattern (\\ax) in substitution: invalid escape '\\a'");
    }

    @Test
    void trailingBackslashInPatternFailsWithBacktickEscape() {
      ShellLex backtick = new ShellLex('`');
      assertThat(failure(backtick, "${NAME#x\\}").reason())
          .isEqualTo("invalid pattern (x\\) in substitution: invalid escape '\\\uFFFD'");
    }
  }

  @Nested
  class Substitution {
    private final ShellLex.Env env = env("V", "a-b-c", "EMPTY", "");

    private String substitute(String word) throws ShellLexException {
      return LEX.processWord(word, env).result();
    }

    @Test
    void slashReplacesTheFirstMatch() throws ShellLexException {
      assertThat(substitute("${V/-/_}")).isEqualTo("a_b-c");
    }

    @Test
    void doubleSlashReplacesEveryMatch() throws ShellLexException {
      assertThat(substitute("${V//-/_}")).isEqualTo("a_b_c");
    }

    @Test
    void substitutionPatternIsUnanchoredAndGreedy() throws ShellLexException {
      assertThat(substitute("${V/-*-/+}")).isEqualTo("a+c");
    }

    @Test
    void emptyReplacementDeletes() throws ShellLexException {
      assertThat(substitute("${V//-/}")).isEqualTo("abc");
    }

    @Test
    void emptyPatternInsertsAtTheStart() throws ShellLexException {
      assertThat(substitute("${V/$EMPTY/>}")).isEqualTo(">a-b-c");
    }

    @Test
    void emptyPatternReplacedEverywhereInsertsAroundEachCharacter() throws ShellLexException {
      assertThat(LEX.processWord("${V///y}", env("V", "ab")).result()).isEqualTo("yayby");
    }

    @Test
    void replaceAllSkipsTheEmptyMatchRightAfterAMatch() throws ShellLexException {
      assertThat(substitute("${V//*/x}")).isEqualTo("x");
    }

    @Test
    void replacementKeepsItsBackslashes() throws ShellLexException {
      assertThat(substitute("${V//-/\\/}")).isEqualTo("a\\/b\\/c");
    }

    @Test
    void escapedDollarZeroInReplaceAllIsTheMatch() throws ShellLexException {
      // Go's ReplaceAllString expands $0 in the template; the escape stays (raw escapes)
      assertThat(substitute("${V//-/[\\$0]}")).isEqualTo("a[\\-]b[\\-]c");
    }

    @Test
    void replaceFirstTakesReplacementLiterally() throws ShellLexException {
      assertThat(substitute("${V/-/[\\$0]}")).isEqualTo("a[\\$0]b-c");
    }

    @Test
    void escapedSlashInPatternIsASlash() throws ShellLexException {
      assertThat(LEX.processWord("${P/\\//_}", env("P", "a/b")).result()).isEqualTo("a_b");
    }

    @Test
    void substitutionOnUnsetVariableGivesEmpty() throws ShellLexException {
      assertThat(substitute("${MISSING/a/b}")).isEqualTo("");
    }

    @Test
    void missingSecondSlashFails() {
      assertThat(failure("${V/a}").reason()).isEqualTo("syntax error: missing '/' in ${}");
    }

    @Test
    void missingBraceAfterReplacementFails() {
      assertThat(failure("${V/a/b").reason()).isEqualTo("syntax error: missing '}'");
    }
  }

  @Nested
  class Quotes {
    @Test
    void singleQuotesKeepEverythingLiteral() throws ShellLexException {
      assertThat(expand("'$NAME \\x \"'")).isEqualTo("$NAME \\x \"");
    }

    @Test
    void singleQuoteCannotBeEscapedInsideSingleQuotes() throws ShellLexException {
      assertThat(expand("'a\\'")).isEqualTo("a\\");
    }

    @Test
    void doubleQuotesExpandVariables() throws ShellLexException {
      assertThat(expand("\"$NAME ${MISSING:-dir}\"")).isEqualTo("app dir");
    }

    @Test
    void doubleQuotesKeepSingleQuotes() throws ShellLexException {
      assertThat(expand("\"it's '$NAME'\"")).isEqualTo("it's 'app'");
    }

    @Test
    void escapeInDoubleQuotesEscapesQuoteDollarAndItself() throws ShellLexException {
      assertThat(expand("\"\\\"\\$NAME\\\\\"")).isEqualTo("\"$NAME\\");
    }

    @Test
    void escapeInDoubleQuotesBeforeOtherCharactersStays() throws ShellLexException {
      assertThat(expand("\"\\a\\n\\'\"")).isEqualTo("\\a\\n\\'");
    }

    @Test
    void adjacentQuotedPartsJoin() throws ShellLexException {
      assertThat(expand("a'b'\"c\"d")).isEqualTo("abcd");
    }

    @Test
    void quotesProtectTheClosingBraceOfAModifier() throws ShellLexException {
      assertThat(expand("${MISSING:-'}'}")).isEqualTo("}");
    }

    @Test
    void unterminatedSingleQuoteFails() {
      ShellLexException e = failure("ab'cd");
      assertThat(e.reason())
          .isEqualTo("unexpected end of statement while looking for matching single-quote");
      assertThat(e.offset()).isEqualTo(2);
    }

    @Test
    void unterminatedDoubleQuoteFails() {
      ShellLexException e = failure("x\"cd");
      assertThat(e.reason())
          .isEqualTo("unexpected end of statement while looking for matching double-quote");
      assertThat(e.offset()).isEqualTo(1);
    }

    @Test
    void escapeAtTheEndOfADoubleQuotedWordFails() {
      assertThat(failure("\"abc\\").reason()).endsWith("matching double-quote");
    }
  }

  @Nested
  class Escapes {
    @Test
    void escapeOutsideQuotesEscapesAnyCharacter() throws ShellLexException {
      assertThat(expand("\\$NAME\\'\\a\\ ")).isEqualTo("$NAME'a ");
    }

    @Test
    void escapeAtTheEndOfTheWordIsDropped() throws ShellLexException {
      assertThat(expand("abc\\")).isEqualTo("abc");
    }

    @Test
    void escapedEscapeIsLiteral() throws ShellLexException {
      assertThat(expand("a\\\\$NAME")).isEqualTo("a\\app");
    }

    @Test
    void escapedDollarInsideAModifierWordIsLiteral() throws ShellLexException {
      assertThat(expand("${MISSING:-\\$NAME}")).isEqualTo("$NAME");
    }

    @Test
    void escapedBraceInsideAModifierWordDoesNotClose() throws ShellLexException {
      assertThat(expand("${MISSING:-a\\}b}")).isEqualTo("a}b");
    }

    @Test
    void backtickEscapeTokenMakesBackslashOrdinary() throws ShellLexException {
      ShellLex backtick = new ShellLex('`');
      assertThat(expand(backtick, "C:\\dir\\`$NAME")).isEqualTo("C:\\dir\\$NAME");
    }

    @Test
    void backtickEscapesInsideDoubleQuotes() throws ShellLexException {
      ShellLex backtick = new ShellLex('`');
      assertThat(expand(backtick, "\"`\"`$NAME``\\\"")).isEqualTo("\"$NAME`\\");
    }
  }

  @Nested
  class Options {
    @Test
    void rawQuotesKeepTheQuoteCharacters() throws ShellLexException {
      assertThat(expand(LEX.withRawQuotes(true), "'a'\"$NAME\"")).isEqualTo("'a'\"app\"");
    }

    @Test
    void rawEscapesKeepTheEscapeCharacters() throws ShellLexException {
      assertThat(expand(LEX.withRawEscapes(true), "a\\ b\\$NAME\"\\$\""))
          .isEqualTo("a\\ b\\$NAME\\$");
    }

    @Test
    void rawEscapesKeepATrailingEscape() throws ShellLexException {
      assertThat(expand(LEX.withRawEscapes(true), "abc\\")).isEqualTo("abc\\");
    }

    @Test
    void rawEscapesDoubleAnEscapeThatEscapesNothingInDoubleQuotes() throws ShellLexException {
      assertThat(expand(LEX.withRawEscapes(true), "\"\\a\"")).isEqualTo("\\\\a");
    }

    @Test
    void skipProcessQuotesTreatsQuotesAsText() throws ShellLexException {
      assertThat(expand(LEX.withSkipProcessQuotes(true), "'$NAME' \"x")).isEqualTo("'app' \"x");
    }

    @Test
    void skipUnsetEnvKeepsReferencesToUnsetVariables() throws ShellLexException {
      assertThat(expand(LEX.withSkipUnsetEnv(true), "$MISSING ${MISSING} $1 ${NAME}"))
          .isEqualTo("$MISSING ${MISSING} $1 app");
    }

    @Test
    void skipUnsetEnvWritesBackTheLexedModifierWord() throws ShellLexException {
      assertThat(expand(LEX.withSkipUnsetEnv(true), "${MISSING:-'a b' $NAME}"))
          .isEqualTo("${MISSING:-a b app}");
    }

    @Test
    void skipUnsetEnvWritesASingleSlashForReplaceAll() throws ShellLexException {
      assertThat(expand(LEX.withSkipUnsetEnv(true), "${MISSING//a/b}")).isEqualTo("${MISSING/a/b}");
    }

    @Test
    void skipUnsetEnvKeepsAnUnsupportedColonModifierWithoutFailing() throws ShellLexException {
      assertThat(expand(LEX.withSkipUnsetEnv(true), "${MISSING:=x}")).isEqualTo("${MISSING:=x}");
    }

    @Test
    void skipUnsetEnvStillFailsOnAnUnsupportedModifierOfASetVariable() {
      assertThat(failure(LEX.withSkipUnsetEnv(true), "${NAME:=x}").reason())
          .isEqualTo("unsupported modifier (:=) in substitution");
    }

    @Test
    void withReturnsANewLexerAndLeavesTheOriginal() {
      ShellLex changed =
          LEX.withRawQuotes(true)
              .withRawEscapes(true)
              .withSkipProcessQuotes(true)
              .withSkipUnsetEnv(true);
      assertThat(changed)
          .extracting(
              ShellLex::rawQuotes,
              ShellLex::rawEscapes,
              ShellLex::skipProcessQuotes,
              ShellLex::skipUnsetEnv)
          .containsExactly(true, true, true, true);
      assertThat(LEX)
          .extracting(
              ShellLex::rawQuotes,
              ShellLex::rawEscapes,
              ShellLex::skipProcessQuotes,
              ShellLex::skipUnsetEnv)
          .containsExactly(false, false, false, false);
    }

    @Test
    void escapeTokenIsBackslashOrBacktick() {
      assertThat(new ShellLex('`').escapeToken()).isEqualTo('`');
      assertThatThrownBy(() -> new ShellLex('^')).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class Capture {
    @Test
    void setAndUnsetNamesAreCollectedInLookupOrder() throws ShellLexException {
      ShellLex.Result result = LEX.processWord("$NAME ${MISSING:-$OTHER} ${EMPTY}", ENV);
      assertThat(result.matched()).containsExactly("NAME", "EMPTY");
      // the modifier word is lexed before its variable is looked up
      assertThat(result.unmatched()).containsExactly("OTHER", "MISSING");
    }

    @Test
    void namesInAnUnusedModifierWordAreStillLookedUp() throws ShellLexException {
      assertThat(LEX.processWord("${NAME:-$OTHER}", ENV).unmatched()).containsExactly("OTHER");
    }

    @Test
    void namesInPatternsAreLookedUp() throws ShellLexException {
      ShellLex.Result result = LEX.processWord("${NAME#$P}${NAME/$Q/$R}", ENV);
      assertThat(result.unmatched()).containsExactly("P", "Q", "R");
      assertThat(result.matched()).containsExactly("NAME");
    }

    @Test
    void singleQuotedAndEscapedNamesAreNotLookedUp() throws ShellLexException {
      ShellLex.Result result = LEX.processWord("'$A'\\$B", ENV);
      assertThat(result.matched()).isEmpty();
      assertThat(result.unmatched()).isEmpty();
    }

    @Test
    void resultSetsAreUnmodifiable() throws ShellLexException {
      ShellLex.Result result = LEX.processWord("$NAME", ENV);
      assertThatThrownBy(() -> result.matched().add("X"))
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Nested
  class Environment {
    @Test
    void namesAreCaseSensitiveByDefault() throws ShellLexException {
      assertThat(expand("[$name]")).isEqualTo("[]");
    }

    @Test
    void caseInsensitiveNamesMatchInAnyCase() throws ShellLexException {
      ShellLex.Env env = ShellLex.Env.of(Map.of("Path", "C:\\"), ShellLex.NameCase.INSENSITIVE);
      ShellLex.Result result = LEX.processWord("$PATH$path", env);
      assertThat(result.result()).isEqualTo("C:\\C:\\");
      assertThat(result.matched()).containsExactly("PATH", "path");
    }

    @Test
    void caseInsensitiveNamesUpperCaseOneCharacterAtATime() {
      ShellLex.Env env = ShellLex.Env.of(Map.of("straße", "x"), ShellLex.NameCase.INSENSITIVE);
      assertThat(env.get("STRAßE")).contains("x");
      assertThat(env.get("STRASSE")).isEmpty();
    }

    @Test
    void emptyValueIsSet() {
      assertThat(ENV.get("EMPTY")).contains("");
    }

    @Test
    void emptyEnvironmentHasNoVariables() {
      assertThat(ShellLex.Env.empty().get("PATH")).isEmpty();
      assertThat(ShellLex.Env.empty().keys()).isEmpty();
    }

    @Test
    void keysAreAsDefined() {
      ShellLex.Env env = ShellLex.Env.of(Map.of("Path", "x"), ShellLex.NameCase.INSENSITIVE);
      assertThat(env.keys()).containsExactly("Path");
    }
  }

  @Nested
  class Errors {
    @ParameterizedTest
    @ValueSource(strings = {"${}", "a${}b", "${:}", "${:-x}", "${{x}", "${}}"})
    void bracesWithoutANameAreABadSubstitution(String word) {
      assertThat(failure(word).reason()).isEqualTo("syntax error: bad substitution");
    }

    @Test
    void dollarBraceAtTheEndIsMissingItsBrace() {
      assertThat(failure("a${").reason()).isEqualTo("syntax error: missing '}'");
    }

    @Test
    void unclosedBraceAfterANameIsAnUnsupportedModifier() {
      assertThat(failure("${NAME").reason())
          .isEqualTo("unsupported modifier (\uFFFD) in substitution");
    }

    @Test
    void unclosedModifierWordIsMissingItsBrace() {
      assertThat(failure("${MISSING:-abc").reason()).isEqualTo("syntax error: missing '}'");
    }

    @Test
    void unterminatedQuoteInsideAModifierIsReportedAsAMissingBrace() {
      assertThat(failure("${MISSING:-\"abc}").reason()).isEqualTo("syntax error: missing '}'");
    }

    @Test
    void nestedErrorBeforeTheEndIsReportedAsIs() {
      assertThat(failure("${MISSING:-${}}").reason()).isEqualTo("syntax error: bad substitution");
    }

    @Test
    void nameFollowedByAnotherCharacterIsAnUnsupportedModifier() {
      assertThat(failure("${NAME.x}").reason())
          .isEqualTo("unsupported modifier (.) in substitution");
    }

    @Test
    void messageWrapsTheReasonLikeBuildKit() {
      ShellLexException e = failure("a\t${}");
      assertThat(e.getMessage())
          .isEqualTo("failed to process \"a\\t${}\": syntax error: bad substitution");
      assertThat(e.word()).isEqualTo("a\t${}");
    }

    @Test
    void offsetPointsAtTheDollarOfTheFailingExpansion() {
      assertThat(failure("ab${MISSING:-${}}").offset()).isEqualTo(13);
    }

    @Test
    void offsetOfAMissingBracePointsAtTheOpeningExpansion() {
      assertThat(failure("ab${MISSING:-${X}").offset()).isEqualTo(2);
    }
  }
}
