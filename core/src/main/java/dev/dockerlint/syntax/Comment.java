package dev.dockerlint.syntax;

/** A comment line; {@code text} is what follows {@code #}, trimmed. */
public record Comment(String text, Range range) {}
