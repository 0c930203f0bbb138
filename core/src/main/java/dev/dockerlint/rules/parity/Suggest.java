package dev.dockerlint.rules.parity;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** BuildKit's "did you mean" suggestions: the closest name at an edit distance under 3. */
final class Suggest {
  private Suggest() {}

  /** The closest option, or empty when none is close or {@code value} is itself an option. */
  static Optional<String> search(String value, Collection<String> options, boolean caseSensitive) {
    String val = caseSensitive ? value : value.toLowerCase(Locale.ROOT);
    String match = null;
    int min = 3;
    for (String o : options) {
      String opt = caseSensitive ? o : o.toLowerCase(Locale.ROOT);
      if (val.equals(opt)) {
        return Optional.empty();
      }
      int d = levenshtein(val, opt);
      if (d < min) {
        match = caseSensitive ? opt : matchCase(opt, value);
        min = d;
      }
    }
    return Optional.ofNullable(match);
  }

  private static String matchCase(String val, String orig) {
    if (orig.equals(orig.toLowerCase(Locale.ROOT))) {
      return val.toLowerCase(Locale.ROOT);
    }
    if (orig.equals(orig.toUpperCase(Locale.ROOT))) {
      return val.toUpperCase(Locale.ROOT);
    }
    return val;
  }

  static int levenshtein(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
