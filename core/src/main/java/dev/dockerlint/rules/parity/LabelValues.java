package dev.dockerlint.rules.parity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** The value formats a label schema can require. */
final class LabelValues {
  private LabelValues() {}

  private static final Pattern SEMVER =
      Pattern.compile(
          "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
              + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
              + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");
  private static final Pattern EMAIL =
      Pattern.compile(
          "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
              + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)*[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$");

  /** An absolute URI with a scheme. */
  static boolean url(String v) {
    try {
      URI u = new URI(v);
      return u.getScheme() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  static boolean rfc3339(String v) {
    try {
      OffsetDateTime.parse(v.replace(' ', 'T'), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  static boolean spdx(String v) {
    return SpdxIds.IDS.contains(v);
  }

  /** A short (7) or full (40) lowercase hexadecimal git commit hash. */
  static boolean hash(String v) {
    return (v.length() == 7 || v.length() == 40) && v.matches("[0-9a-f]+");
  }

  static boolean semver(String v) {
    return SEMVER.matcher(v).matches();
  }

  static boolean email(String v) {
    return EMAIL.matcher(v).matches();
  }

  /** The SPDX license identifiers, read once from {@code /spdx-license-ids.txt}. */
  private static final class SpdxIds {
    static final Set<String> IDS = load();

    private static Set<String> load() {
      try (InputStream in = LabelValues.class.getResourceAsStream("/spdx-license-ids.txt")) {
        Set<String> out = new HashSet<>();
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          if (!line.isBlank() && !line.startsWith("#")) {
            out.add(line.trim());
          }
        }
        return out;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read /spdx-license-ids.txt", e);
      }
    }
  }
}
