package dev.dockerlint.syntax;

import java.util.Optional;

/**
 * One {@code name} or {@code name=default} of an ARG. {@code word} is BuildKit's word (quotes
 * kept); {@code defaultValue} the raw text after {@code =}.
 */
public record ArgDeclaration(
    Word word, String name, Range nameRange, Optional<Word> defaultValue) {}
