package dev.dockerlint.syntax;

import java.util.Optional;

/**
 * A {@code --name[=value]} flag of an instruction. {@code text} is the flag word after BuildKit
 * removed quotes and escapes (what {@code docker build} sees, e.g. {@code --from=build}); the value
 * is what follows the first {@code =}.
 */
public record Flag(
    String name,
    Optional<String> value,
    String text,
    Range range,
    Range nameRange,
    Optional<Range> valueRange) {

  /** The value, or an empty string for a bare flag such as {@code --link}. */
  public String valueOrEmpty() {
    return value.orElse("");
  }
}
