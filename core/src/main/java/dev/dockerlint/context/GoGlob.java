package dev.dockerlint.context;

/**
 * Go's {@code path/filepath.Match} on Unix: {@code *} matches any run of non-slash characters,
 * {@code ?} one non-slash character, {@code [...]} a character class ({@code ^} negates, {@code
 * a-z} ranges; it may match a slash), and {@code \} escapes the next character. Like Go, a
 * malformed pattern is reported even when an earlier part already failed to match.
 *
 * @see <a href="https://pkg.go.dev/path/filepath#Match">filepath.Match</a>
 */
final class GoGlob {
  /** The pattern is malformed ({@code filepath.ErrBadPattern}). */
  static final class BadPatternException extends Exception {
    private static final long serialVersionUID = 1L;

    BadPatternException(String message) {
      super(message);
    }
  }

  private GoGlob() {}

  /** Whether {@code name} matches {@code pattern}; malformed patterns match nothing. */
  static boolean matches(String pattern, String name) {
    try {
      return match(pattern, name);
    } catch (BadPatternException e) {
      return false;
    }
  }

  /** Why {@code pattern} is malformed, or {@code null} if it is well formed. */
  static String syntaxError(String pattern) {
    try {
      match(pattern, ".");
      return null;
    } catch (BadPatternException e) {
      return e.getMessage();
    }
  }

  /** Whether an element contains an unescaped {@code *}, {@code ?} or {@code [}. */
  static boolean hasWildcards(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '*' || c == '?' || c == '[') {
        return true;
      }
    }
    return false;
  }

  static boolean match(String pattern, String name) throws BadPatternException {
    String p = pattern;
    String n = name;
    outer:
    while (!p.isEmpty()) {
      int stars = 0;
      while (stars < p.length() && p.charAt(stars) == '*') {
        stars++;
      }
      boolean star = stars > 0;
      p = p.substring(stars);
      int chunkEnd = chunkEnd(p);
      String chunk = p.substring(0, chunkEnd);
      p = p.substring(chunkEnd);
      if (star && chunk.isEmpty()) {
        return n.indexOf('/') < 0;
      }
      String rest = matchChunk(chunk, n);
      if (rest != null && (rest.isEmpty() || !p.isEmpty())) {
        n = rest;
        continue;
      }
      if (star) {
        for (int i = 0; i < n.length() && n.charAt(i) != '/'; i++) {
          rest = matchChunk(chunk, n.substring(i + 1));
          if (rest != null) {
            if (p.isEmpty() && !rest.isEmpty()) {
              continue;
            }
            n = rest;
            continue outer;
          }
        }
      }
      while (!p.isEmpty()) {
        int s = 0;
        while (s < p.length() && p.charAt(s) == '*') {
          s++;
        }
        p = p.substring(s);
        int end = chunkEnd(p);
        matchChunk(p.substring(0, end), "");
        p = p.substring(end);
      }
      return false;
    }
    return n.isEmpty();
  }

  private static int chunkEnd(String p) {
    boolean inRange = false;
    for (int i = 0; i < p.length(); i++) {
      switch (p.charAt(i)) {
        case '\\' -> {
          if (i + 1 < p.length()) {
            i++;
          }
        }
        case '[' -> inRange = true;
        case ']' -> inRange = false;
        case '*' -> {
          if (!inRange) {
            return i;
          }
        }
        default -> {}
      }
    }
    return p.length();
  }

  /** Matches a star-free chunk at the start of {@code s}; returns the rest, or null. */
  private static String matchChunk(String chunk, String s) throws BadPatternException {
    boolean failed = false;
    int c = 0;
    int i = 0;
    while (c < chunk.length()) {
      if (!failed && i >= s.length()) {
        failed = true;
      }
      char ch = chunk.charAt(c);
      switch (ch) {
        case '[' -> {
          int r = -1;
          if (!failed) {
            r = s.codePointAt(i);
            i += Character.charCount(r);
          }
          c++;
          boolean negated = false;
          if (c < chunk.length() && chunk.charAt(c) == '^') {
            negated = true;
            c++;
          }
          boolean matched = false;
          int ranges = 0;
          while (true) {
            if (c < chunk.length() && chunk.charAt(c) == ']' && ranges > 0) {
              c++;
              break;
            }
            int[] lo = escaped(chunk, c);
            c = lo[1];
            int hi = lo[0];
            if (chunk.charAt(c) == '-') {
              int[] h = escaped(chunk, c + 1);
              hi = h[0];
              c = h[1];
            }
            if (lo[0] <= r && r <= hi) {
              matched = true;
            }
            ranges++;
          }
          if (matched == negated) {
            failed = true;
          }
        }
        case '?' -> {
          if (!failed) {
            if (s.charAt(i) == '/') {
              failed = true;
            }
            i += Character.charCount(s.codePointAt(i));
          }
          c++;
        }
        default -> {
          if (ch == '\\') {
            c++;
            if (c >= chunk.length()) {
              throw new BadPatternException("trailing backslash");
            }
          }
          if (!failed) {
            if (chunk.charAt(c) != s.charAt(i)) {
              failed = true;
            }
            i++;
          }
          c++;
        }
      }
    }
    return failed ? null : s.substring(i);
  }

  /** Reads one possibly escaped class character; returns {code point, next index}. */
  private static int[] escaped(String chunk, int c) throws BadPatternException {
    if (c >= chunk.length() || chunk.charAt(c) == '-' || chunk.charAt(c) == ']') {
      throw new BadPatternException("malformed character class");
    }
    if (chunk.charAt(c) == '\\') {
      c++;
      if (c >= chunk.length()) {
        throw new BadPatternException("trailing backslash in character class");
      }
    }
    int r = chunk.codePointAt(c);
    c += Character.charCount(r);
    if (c >= chunk.length()) {
      throw new BadPatternException("unterminated character class");
    }
    return new int[] {r, c};
  }
}
