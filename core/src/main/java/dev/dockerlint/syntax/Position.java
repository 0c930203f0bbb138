package dev.dockerlint.syntax;

/** A place in a Dockerfile: 0-based line and 0-based column counted in UTF-16 code units. */
public record Position(int line, int column) implements Comparable<Position> {
  @Override
  public int compareTo(Position o) {
    return line != o.line ? Integer.compare(line, o.line) : Integer.compare(column, o.column);
  }
}
