package dev.dockerlint.syntax;

import java.util.Optional;

/** WORKDIR path. */
public record WorkdirInstruction(Header header, Optional<Word> value) implements Instruction {}
