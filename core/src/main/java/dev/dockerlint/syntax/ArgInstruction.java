package dev.dockerlint.syntax;

import java.util.List;

/** ARG name[=default]... */
public record ArgInstruction(Header header, List<ArgDeclaration> declarations)
    implements Instruction {
  public ArgInstruction {
    declarations = List.copyOf(declarations);
  }
}
