package dev.dockerlint.rules.parity;

import dev.dockerlint.semantic.ImageRef;
import java.util.regex.Pattern;

/** Image name checks shared by the FROM rules. */
final class ImageNames {
  private static final Pattern IMAGE_ID = Pattern.compile("[a-f0-9]{64}");

  private ImageNames() {}

  /**
   * Whether {@code name} parses as an image reference the way {@code
   * reference.ParseNormalizedNamed} does (a 64-character hexadecimal name is refused: it would read
   * as an image ID).
   */
  static boolean isValidReference(String name) {
    if (IMAGE_ID.matcher(name).matches()) {
      return false;
    }
    return ImageRef.parse(name).isPresent();
  }
}
