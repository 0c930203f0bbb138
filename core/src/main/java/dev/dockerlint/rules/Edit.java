package dev.dockerlint.rules;

import dev.dockerlint.syntax.Range;

/** Replace the text of {@code range} with {@code replacement} (empty range: insert). */
public record Edit(Range range, String replacement) {}
