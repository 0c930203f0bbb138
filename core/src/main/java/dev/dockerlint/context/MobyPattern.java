package dev.dockerlint.context;

import java.util.regex.Pattern;

/**
 * One pattern as moby/patternmatcher compiles it: an exact path, a prefix ({@code dir/**}), a
 * suffix ({@code **}{@code /name}) or a regular expression where {@code *} and {@code ?} stop at
 * slashes and {@code **} spans directories.
 *
 * <p>Deviations, all in patterns nobody writes on purpose: a backslash makes the next character
 * literal (patternmatcher passes {@code \d} on to Go's regexp, where it means a digit), and {@code
 * *} or {@code ?} inside {@code [...]} are literal, as in {@code filepath.Match}.
 */
final class MobyPattern {
  private enum Type {
    EXACT,
    PREFIX,
    SUFFIX,
    REGEXP
  }

  private final String cleaned;
  private final boolean exception;
  private final Type type;
  private final Pattern regex;

  private MobyPattern(String cleaned, boolean exception, Type type, Pattern regex) {
    this.cleaned = cleaned;
    this.exception = exception;
    this.type = type;
    this.regex = regex;
  }

  /** The result of compiling one line: the pattern, or why patternmatcher would refuse it. */
  record Compiled(MobyPattern pattern, String error) {}

  /**
   * Compiles a pattern as {@code patternmatcher.New} does: trim, clean, {@code !} marks an
   * exception, and {@code filepath.Match} syntax is checked.
   *
   * @return a pattern, or null for a blank one
   */
  static Compiled compile(String text) {
    String p = GoPath.trimSpace(text);
    if (p.isEmpty()) {
      return null;
    }
    p = GoPath.clean(p);
    boolean exception = false;
    if (p.charAt(0) == '!') {
      if (p.length() == 1) {
        return new Compiled(null, "illegal exclusion pattern: \"!\"");
      }
      exception = true;
      p = p.substring(1);
    }
    String syntax = GoGlob.syntaxError(p);
    if (syntax != null) {
      return new Compiled(null, "syntax error in pattern: " + syntax);
    }
    String reversed = reversedRange(p);
    if (reversed != null) {
      return new Compiled(null, "invalid character class range " + reversed);
    }
    return new Compiled(translate(p, exception), null);
  }

  private static MobyPattern translate(String p, boolean exception) {
    StringBuilder re = new StringBuilder("^");
    Type type = Type.EXACT;
    int i = 0;
    int pos = 0;
    while (pos < p.length()) {
      int ch = p.codePointAt(pos);
      pos += Character.charCount(ch);
      if (ch == '*') {
        if (pos < p.length() && p.charAt(pos) == '*') {
          pos++;
          if (pos < p.length() && p.charAt(pos) == '/') {
            pos++;
          }
          if (pos >= p.length()) {
            if (type == Type.EXACT) {
              type = Type.PREFIX;
            } else {
              re.append(".*");
              type = Type.REGEXP;
            }
          } else {
            re.append("(.*/)?");
            type = Type.REGEXP;
          }
          if (i == 0) {
            type = Type.SUFFIX;
          }
        } else {
          re.append("[^/]*");
          type = Type.REGEXP;
        }
      } else if (ch == '?') {
        re.append("[^/]");
        type = Type.REGEXP;
      } else if (".+()|{}$".indexOf(ch) >= 0) {
        re.append('\\').appendCodePoint(ch);
      } else if (ch == '\\') {
        int next = p.codePointAt(pos);
        pos += Character.charCount(next);
        literal(re, next);
        type = Type.REGEXP;
      } else if (ch == '[') {
        pos = characterClass(p, pos, re);
        type = Type.REGEXP;
      } else if (ch == ']') {
        re.append("\\]");
        type = Type.REGEXP;
      } else {
        re.appendCodePoint(ch);
      }
      i++;
    }
    Pattern regex = type == Type.REGEXP ? Pattern.compile(re.append("\\z").toString()) : null;
    return new MobyPattern(p, exception, type, regex);
  }

  /** Emits a Java class for the {@code filepath.Match} class starting after {@code [} at pos. */
  private static int characterClass(String p, int pos, StringBuilder re) {
    re.append('[');
    if (pos < p.length() && p.charAt(pos) == '^') {
      re.append('^');
      pos++;
    }
    int ranges = 0;
    while (!(p.charAt(pos) == ']' && ranges > 0)) {
      int[] lo = classChar(p, pos);
      pos = lo[1];
      literal(re, lo[0]);
      if (p.charAt(pos) == '-') {
        int[] hi = classChar(p, pos + 1);
        pos = hi[1];
        re.append('-');
        literal(re, hi[0]);
      }
      ranges++;
    }
    re.append(']');
    return pos + 1;
  }

  private static int[] classChar(String p, int pos) {
    if (p.charAt(pos) == '\\') {
      pos++;
    }
    int c = p.codePointAt(pos);
    return new int[] {c, pos + Character.charCount(c)};
  }

  private static void literal(StringBuilder re, int codePoint) {
    re.append("\\x{").append(Integer.toHexString(codePoint)).append('}');
  }

  /** A class range whose end is below its start, which Go's regexp refuses; else null. */
  private static String reversedRange(String p) {
    for (int pos = 0; pos < p.length(); pos++) {
      char ch = p.charAt(pos);
      if (ch == '\\') {
        pos++;
      } else if (ch == '[') {
        pos++;
        if (pos < p.length() && p.charAt(pos) == '^') {
          pos++;
        }
        int ranges = 0;
        while (!(p.charAt(pos) == ']' && ranges > 0)) {
          int[] lo = classChar(p, pos);
          pos = lo[1];
          if (p.charAt(pos) == '-') {
            int[] hi = classChar(p, pos + 1);
            if (hi[0] < lo[0]) {
              return p.substring(0, hi[1]);
            }
            pos = hi[1];
          }
          ranges++;
        }
      }
    }
    return null;
  }

  String text() {
    return cleaned;
  }

  boolean exception() {
    return exception;
  }

  /** Whether the pattern matches {@code path} itself (no parent directories considered). */
  boolean matches(String path) {
    return switch (type) {
      case EXACT -> path.equals(cleaned);
      case PREFIX -> path.startsWith(cleaned.substring(0, cleaned.length() - 2));
      case SUFFIX -> {
        String suffix = cleaned.substring(2);
        yield path.endsWith(suffix) || (suffix.startsWith("/") && path.equals(suffix.substring(1)));
      }
      case REGEXP -> regex.matcher(path).find();
    };
  }

  /** Whether the pattern matches {@code path} or one of its parent directories. */
  boolean matchesOrParent(String path) {
    if (matches(path)) {
      return true;
    }
    int slash = path.indexOf('/');
    while (slash >= 0) {
      if (matches(path.substring(0, slash))) {
        return true;
      }
      slash = path.indexOf('/', slash + 1);
    }
    return false;
  }

  /** Whether the text contains characters that make it more than a literal path. */
  boolean hasWildcards() {
    return cleaned.chars().anyMatch(c -> "*?[]\\^".indexOf(c) >= 0);
  }
}
