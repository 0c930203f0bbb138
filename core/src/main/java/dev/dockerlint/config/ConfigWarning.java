package dev.dockerlint.config;

import java.nio.file.Path;

/** Something in a configuration file that is ignored, with where it is written. */
public record ConfigWarning(Path file, int line, String message) {
  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line : "") + ": " + message;
  }
}
