package dev.dockerlint.syntax;

import java.util.List;

/** EXPOSE port[/protocol]... */
public record ExposeInstruction(Header header, List<Word> ports) implements Instruction {
  public ExposeInstruction {
    ports = List.copyOf(ports);
  }
}
