package dev.dockerlint.shellcheck;

/**
 * One finding of ShellCheck in a script: 1-based line and column of its start and end (end column
 * exclusive, tabs counted as one column), {@code level} ({@code error}, {@code warning}, {@code
 * info}, {@code style}), the SC code number and the message.
 */
public record ShellcheckComment(
    int line, int column, int endLine, int endColumn, String level, int code, String message) {

  /** {@code SC2086}. */
  public String codeName() {
    return "SC" + code;
  }
}
