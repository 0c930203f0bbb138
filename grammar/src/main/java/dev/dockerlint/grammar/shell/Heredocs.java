package dev.dockerlint.grammar.shell;

import dev.dockerlint.grammar.GoText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds heredoc openers the way BuildKit's Dockerfile parser does ({@code heredocsFromLine} and
 * {@code ParseHeredoc} in {@code frontend/dockerfile/parser/parser.go}).
 *
 * <p>BuildKit first splits the whole logical line with {@link ShellLex} (quotes and escapes kept,
 * unset variables left as written), then matches each word against {@code ^(\d*)<<(-?)\s*([^<]*)$}
 * and lexes the terminator part twice, with and without raw quotes: a difference in quote count
 * means part of it was quoted, which turns off expansion of the body. The escape token is always
 * the backslash here, whatever the {@code # escape=} directive says, because BuildKit hard-codes
 * it.
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/#here-documents">Dockerfile reference:
 *     here-documents</a>
 */
public final class Heredocs {
  private static final ShellLex LINE_LEX =
      new ShellLex('\\').withRawQuotes(true).withRawEscapes(true).withSkipUnsetEnv(true);
  private static final ShellLex WORD_LEX = new ShellLex('\\').withSkipUnsetEnv(true);
  private static final ShellLex WORD_LEX_RAW_QUOTES = WORD_LEX.withRawQuotes(true);

  private Heredocs() {}

  /**
   * The heredoc openers of a logical line (continuations already joined), in order. A line that
   * BuildKit's lexer rejects has none, as in BuildKit, which ignores that error.
   *
   * @throws IllegalStateException if an opener found on the line fails {@link #parse(String)}:
   *     BuildKit would then reject the Dockerfile, but the line lexer only produces words that lex
   *     again (checked against BuildKit by fuzzing), so this signals a bug here
   */
  public static List<HeredocMarker> fromLine(String logicalLine) {
    List<String> words;
    try {
      words = LINE_LEX.processWords(logicalLine, ShellLex.Env.empty());
    } catch (ShellLexException e) {
      // as in BuildKit: no heredocs; the instruction's own expansion reports the bad word later
      return List.of();
    }
    List<HeredocMarker> markers = new ArrayList<>();
    for (String word : words) {
      try {
        parse(word).ifPresent(markers::add);
      } catch (ShellLexException e) {
        throw new IllegalStateException(
            "heredoc word " + GoText.quote(word) + " of a lexed line failed to lex again", e);
      }
    }
    return List.copyOf(markers);
  }

  /**
   * Reads one word as a heredoc opener ({@code [n]<<[-][blanks]terminator}).
   *
   * @return empty if the word is no opener: no {@code <<} right after the optional digits, a {@code
   *     <} in the terminator, or a terminator that is empty or more than one word
   * @throws ShellLexException where BuildKit fails the build: the terminator does not lex (an
   *     unbalanced quote, a bad {@code ${}}) or lexes inconsistently
   */
  public static Optional<HeredocMarker> parse(String word) throws ShellLexException {
    int digitsEnd = 0;
    while (digitsEnd < word.length() && isAsciiDigit(word.charAt(digitsEnd))) {
      digitsEnd++;
    }
    if (!word.startsWith("<<", digitsEnd)) {
      return Optional.empty();
    }
    int i = digitsEnd + 2;
    boolean chomp = i < word.length() && word.charAt(i) == '-';
    if (chomp) {
      i++;
    }
    while (i < word.length() && isRegexSpace(word.charAt(i))) {
      i++;
    }
    String rest = word.substring(i);
    if (rest.isEmpty() || rest.indexOf('<') >= 0) {
      return Optional.empty();
    }
    List<String> plain = WORD_LEX.processWords(rest, ShellLex.Env.empty());
    if (plain.size() != 1) {
      return Optional.empty();
    }
    List<String> raw = WORD_LEX_RAW_QUOTES.processWords(rest, ShellLex.Env.empty());
    if (raw.size() != plain.size()) {
      throw ShellLexException.bare(
          rest, "internal lexing of heredoc produced inconsistent results: " + rest, 0);
    }
    String name = plain.get(0);
    boolean expand = countQuotes(name) == countQuotes(raw.get(0));
    return Optional.of(
        new HeredocMarker(name, fileDescriptor(word.substring(0, digitsEnd)), expand, chomp));
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Go's RE2 {@code \s}: no vertical tab, no Unicode blanks. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }

  /** The digits as a number, saturated at {@link Integer#MAX_VALUE}; none means 0. */
  private static int fileDescriptor(String digits) {
    long fd = 0;
    for (int i = 0; i < digits.length(); i++) {
      fd = Math.min(fd * 10 + (digits.charAt(i) - '0'), Integer.MAX_VALUE);
    }
    return (int) fd;
  }

  private static int countQuotes(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\'' || s.charAt(i) == '"') {
        n++;
      }
    }
    return n;
  }
}
