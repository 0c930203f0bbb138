package dev.dockerlint.syntax;

/**
 * One {@code key=value} of ENV or LABEL, or the legacy {@code ENV key value} form ({@code legacy}).
 * Key and value are as BuildKit's parser leaves them (quotes and escapes still in them).
 */
public record KeyValue(Word key, Word value, boolean legacy, Range range) {}
