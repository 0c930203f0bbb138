package dev.dockerlint.syntax;

/**
 * Something wrong with the text itself, found while parsing. {@code fatal} problems make BuildKit
 * refuse the whole file before it looks at any instruction; the others fail the build when the
 * instruction is reached, or are warnings ({@code EMPTY_CONTINUATION}).
 */
public record SyntaxProblem(Kind kind, String message, Range range) {

  /** What kind of problem; names are stable, rules and tests refer to them. */
  public enum Kind {
    NO_INSTRUCTIONS(true),
    INVALID_DIRECTIVE(true),
    DUPLICATE_DIRECTIVE(true),
    LINE_TOO_LONG(true),
    UNTERMINATED_HEREDOC(true),
    ENV_MISSING_VALUE(true),
    KEY_VALUE_MISSING_EQUALS(true),
    JSON_NOT_STRINGS(true),
    UNEXPECTED_TOKEN(true),
    UNKNOWN_INSTRUCTION(false),
    MISSING_ARGUMENTS(false),
    INVALID_ARGUMENTS(false),
    EMPTY_CONTINUATION(false);

    private final boolean fatal;

    Kind(boolean fatal) {
      this.fatal = fatal;
    }

    /** Whether BuildKit's parser rejects the file for it (the file does not parse at all). */
    public boolean fatal() {
      return fatal;
    }
  }

  public boolean fatal() {
    return kind.fatal();
  }
}
