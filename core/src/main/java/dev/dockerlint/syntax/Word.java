package dev.dockerlint.syntax;

/**
 * An argument as BuildKit's parser produces it: {@code value} is the text BuildKit passes on (for
 * most instructions quotes and escapes are still in it; the shell lexer removes them when the
 * instruction runs) and {@code range} is where it stands in the file. A value that a line
 * continuation cut in two has one range over both parts.
 */
public record Word(String value, Range range) {
  @Override
  public String toString() {
    return value;
  }
}
