package dev.dockerlint.grammar;

/**
 * The few string primitives of Go's standard library whose exact behaviour BuildKit's Dockerfile
 * parser depends on ({@code unicode.IsSpace}, {@code strings.TrimSpace}). Java's own {@code
 * strip()} uses a different notion of white space (it leaves U+0085 and U+00A0 alone), and {@code
 * strconv.Quote} (the {@code %q} of BuildKit's parse dumps and error messages).
 */
public final class GoText {
  /** What Go's {@code text/scanner} returns at the end of the input. */
  public static final int EOF = -1;

  /** The byte order mark that Go's {@code text/scanner} drops when it is the first character. */
  public static final int BOM = 0xFEFF;

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

  /** Go's {@code string(r)}: the end-of-input marker (an invalid rune) becomes U+FFFD. */
  public static String runeString(int cp) {
    return cp < 0 ? "\uFFFD" : new String(Character.toChars(cp));
  }

  /** Go's {@code strconv.Quote}, as printed by {@code fmt}'s {@code %q} verb. */
  public static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '"' || cp == '\\') {
        out.append('\\').appendCodePoint(cp);
      } else if (isPrint(cp)) {
        out.appendCodePoint(cp);
      } else {
        appendEscaped(out, cp);
      }
    }
    return out.append('"').toString();
  }

  private static void appendEscaped(StringBuilder out, int cp) {
    switch (cp) {
      case 0x07 -> out.append("\\a");
      case '\b' -> out.append("\\b");
      case '\f' -> out.append("\\f");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      case 0x0B -> out.append("\\v");
      default -> {
        if (cp < ' ' || cp == 0x7F) {
          out.append(String.format("\\x%02x", cp));
        } else if (Character.isSurrogate((char) cp)) {
          // a lone surrogate is not a valid rune: Go shows the replacement character
          out.append("\\ufffd");
        } else if (cp < 0x10000) {
          out.append(String.format("\\u%04x", cp));
        } else {
          out.append(String.format("\\U%08x", cp));
        }
      }
    }
  }

  /** Go's {@code unicode.IsPrint}: categories L, M, N, P, S and the ASCII space. */
  private static boolean isPrint(int cp) {
    return cp == ' '
        || switch (Character.getType(cp)) {
          case Character.UPPERCASE_LETTER,
              Character.LOWERCASE_LETTER,
              Character.TITLECASE_LETTER,
              Character.MODIFIER_LETTER,
              Character.OTHER_LETTER,
              Character.NON_SPACING_MARK,
              Character.ENCLOSING_MARK,
              Character.COMBINING_SPACING_MARK,
              Character.DECIMAL_DIGIT_NUMBER,
              Character.LETTER_NUMBER,
              Character.OTHER_NUMBER,
              Character.CONNECTOR_PUNCTUATION,
              Character.DASH_PUNCTUATION,
              Character.START_PUNCTUATION,
              Character.END_PUNCTUATION,
              Character.INITIAL_QUOTE_PUNCTUATION,
              Character.FINAL_QUOTE_PUNCTUATION,
              Character.OTHER_PUNCTUATION,
              Character.MATH_SYMBOL,
              Character.CURRENCY_SYMBOL,
              Character.MODIFIER_SYMBOL,
              Character.OTHER_SYMBOL ->
              true;
          default -> false;
        };
  }
}
