package dev.dockerlint.syntax;

import java.util.Optional;

/** USER user[:group]. */
public record UserInstruction(Header header, Optional<Word> value) implements Instruction {}
