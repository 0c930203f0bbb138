package dev.dockerlint.syntax;

import java.util.List;
import java.util.Optional;

/**
 * A parsed Dockerfile: the immutable syntax tree. It always exists, even for broken text; what
 * could not be parsed is listed in {@code problems} with its range.
 *
 * @param escapeCharacter {@code '\\'} or, after {@code # escape=`}, the backtick
 */
public record Dockerfile(
    SourceText source,
    int escapeCharacter,
    List<Directive> directives,
    List<Comment> comments,
    List<Instruction> instructions,
    List<SyntaxProblem> problems) {

  public Dockerfile {
    directives = List.copyOf(directives);
    comments = List.copyOf(comments);
    instructions = List.copyOf(instructions);
    problems = List.copyOf(problems);
  }

  public String text() {
    return source.text();
  }

  /** The directive with that (lower-case) name. */
  public Optional<Directive> directive(String name) {
    return directives.stream().filter(d -> d.name().equals(name)).findFirst();
  }

  /** Whether BuildKit's parser would refuse this file. */
  public boolean hasFatalProblem() {
    return problems.stream().anyMatch(SyntaxProblem::fatal);
  }

  /** The instruction whose range or lines contain {@code p}. */
  public Optional<Instruction> instructionAt(Position p) {
    int line = p.line();
    for (Instruction i : instructions) {
      if (i.range().touches(p)
          || (line >= i.header().firstLine() && line <= i.header().lastLine())) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }
}
