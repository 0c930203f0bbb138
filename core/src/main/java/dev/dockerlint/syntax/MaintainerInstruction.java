package dev.dockerlint.syntax;

import java.util.Optional;

/** MAINTAINER name (deprecated). */
public record MaintainerInstruction(Header header, Optional<Word> value) implements Instruction {}
