package dev.dockerlint.config;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as people write them: {@code 123}, {@code 500K}, {@code 500M}, {@code 2G}, {@code 2GiB}.
 */
public final class ByteSize {
  private static final Pattern BYTES =
      Pattern.compile("(\\d{1,15})\\s*(?:([KMGkmg])(?:i?[Bb])?|[Bb])?");

  private ByteSize() {}

  /** The number of bytes (the units are powers of 1024), or empty when {@code text} is not one. */
  public static Optional<Long> parse(String text) {
    Matcher m = BYTES.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "" : m.group(2).toUpperCase(Locale.ROOT);
    int shift =
        switch (unit) {
          case "K" -> 10;
          case "M" -> 20;
          case "G" -> 30;
          default -> 0;
        };
    if (n > (Long.MAX_VALUE >> shift)) {
      return Optional.empty();
    }
    return Optional.of(n << shift);
  }
}
