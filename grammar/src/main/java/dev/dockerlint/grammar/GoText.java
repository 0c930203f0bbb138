package dev.dockerlint.grammar;

/**
 * The few string primitives of Go's standard library whose exact behaviour BuildKit's Dockerfile
 * parser depends on ({@code unicode.IsSpace}, {@code strings.TrimSpace}). Java's own {@code
 * strip()} uses a different notion of white space (it leaves U+0085 and U+00A0 alone).
 */
public final class GoText {
  private GoText() {}

  /** Go's {@code unicode.IsSpace}. */
  public static boolean isSpace(int c) {
    if (c < 0x80) {
      return c == ' ' || (c >= '\t' && c <= '\r');
    }
    switch (c) {
      case 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
        return true;
      default:
        return c >= 0x2000 && c <= 0x200A;
    }
  }

  /** The blanks of BuildKit's {@code reWhitespace}: {@code [\t\v\f\r ]}. */
  public static boolean isBlank(int c) {
    return c == ' ' || c == '\t' || c == 0x0B || c == '\f' || c == '\r';
  }

  /** Index of the first character that is not {@link #isSpace}, from {@code from}. */
  public static int skipSpace(CharSequence s, int from, int to) {
    int i = from;
    while (i < to && isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Index after the last character that is not {@link #isSpace}, back from {@code to}. */
  public static int skipSpaceBack(CharSequence s, int from, int to) {
    int i = to;
    while (i > from && isSpace(s.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  /** Go's {@code strings.TrimSpace}. */
  public static String trimSpace(String s) {
    int start = skipSpace(s, 0, s.length());
    int end = skipSpaceBack(s, start, s.length());
    return s.substring(start, end);
  }
}
