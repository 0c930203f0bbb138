package dev.dockerlint.syntax;

import java.util.Optional;

/** RUN: a command run at build time, in exec or shell form (heredocs in the header). */
public record RunInstruction(Header header, Optional<Command> command) implements Instruction {}
