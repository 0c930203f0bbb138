package dev.dockerlint.shell;

/**
 * A word of a shell command. {@code value} is the word with quotes and escapes removed and every
 * expansion written as {@code ${...}} ({@code $HOME} and {@code "${HOME}"} both read {@code
 * ${HOME}}; command substitutions and arithmetic read {@code ${...}} too), the way hadolint
 * compares arguments. {@code literal} is false when the word holds any expansion. {@code start} and
 * {@code end} are offsets in the script text.
 */
public record ShellWord(String value, boolean literal, int start, int end) {

  @Override
  public String toString() {
    return value;
  }
}
