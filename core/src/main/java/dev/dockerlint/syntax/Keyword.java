package dev.dockerlint.syntax;

import java.util.Locale;

/** An instruction keyword as written ({@code text}) and its kind. */
public record Keyword(InstructionKind kind, String text, Range range) {
  /** The keyword in upper case, as the Dockerfile reference writes it. */
  public String canonical() {
    return text.toUpperCase(Locale.ROOT);
  }
}
