package dev.dockerlint.grammar.shell;

import dev.dockerlint.grammar.GoText;

/**
 * A Dockerfile word that BuildKit's shell lexer rejects, so the build would fail on it.
 *
 * <p>{@link #getMessage()} is the message BuildKit prints, e.g. <code>failed to process "a${}":
 * syntax error: bad substitution</code>; {@link #reason()} is the part after the colon and {@link
 * #offset()} the UTF-16 index in {@link #word()} where the failing construct (a quote, a {@code $})
 * starts, so that a diagnostic can point at it.
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/#environment-replacement">Dockerfile
 *     reference: environment replacement</a>
 */
public final class ShellLexException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String word;
  private final String reason;
  private final int offset;

  private ShellLexException(String message, String word, String reason, int offset) {
    super(message);
    this.word = word;
    this.reason = reason;
    this.offset = offset;
  }

  /** A word BuildKit's lexer cannot process, worded as BuildKit wraps it. */
  static ShellLexException lexing(String word, String reason, int offset) {
    return new ShellLexException(
        "failed to process " + GoText.quote(word) + ": " + reason, word, reason, offset);
  }

  /** A failure BuildKit reports without the "failed to process" wrapper. */
  static ShellLexException bare(String word, String reason, int offset) {
    return new ShellLexException(reason, word, reason, offset);
  }

  /** The word as it was given to the lexer. */
  public String word() {
    return word;
  }

  /** Why BuildKit rejects the word, e.g. {@code syntax error: bad substitution}. */
  public String reason() {
    return reason;
  }

  /** Where in {@link #word()} the construct that failed starts (a UTF-16 index). */
  public int offset() {
    return offset;
  }
}
