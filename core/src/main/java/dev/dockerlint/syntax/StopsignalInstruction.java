package dev.dockerlint.syntax;

import java.util.Optional;

/** STOPSIGNAL signal. */
public record StopsignalInstruction(Header header, Optional<Word> value) implements Instruction {}
