package dev.dockerlint.syntax;

import java.util.Optional;

/** A line whose first word is no instruction; BuildKit fails the build on it. */
public record UnknownInstruction(Header header, Optional<Word> text) implements Instruction {}
