package dev.dockerlint.grammar.shell;

/**
 * The few Go text primitives whose exact behaviour BuildKit's lexer leaks into its results: Go's
 * {@code unicode.IsSpace} (word splitting), {@code string(rune)} of a missing character (error
 * messages) and {@code strconv.Quote} (the {@code %q} in "failed to process" messages).
 */
final class GoText {
  /** What Go's {@code text/scanner} returns at the end of the input. */
  static final int EOF = -1;

  /** The byte order mark that Go's {@code text/scanner} drops when it is the first character. */
  static final int BOM = 0xFEFF;

  private GoText() {}

  /**
   * Go's {@code unicode.IsSpace}: unlike {@link Character#isWhitespace(int)} it includes U+0085 and
   * the no-break spaces U+00A0, U+2007 and U+202F, and excludes the separators U+001C..U+001F.
   */
  static boolean isSpace(int cp) {
    return switch (cp) {
      case '\t',
          '\n',
          0x0B,
          '\f',
          '\r',
          ' ',
          0x85,
          0xA0,
          0x1680,
          0x2028,
          0x2029,
          0x202F,
          0x205F,
          0x3000 ->
          true;
      default -> cp >= 0x2000 && cp <= 0x200A;
    };
  }

  /** Go's {@code string(r)}: the end-of-input marker (an invalid rune) becomes U+FFFD. */
  static String runeString(int cp) {
    return cp < 0 ? "\uFFFD" : new String(Character.toChars(cp));
  }

  /** Go's {@code strconv.Quote}, as printed by {@code fmt}'s {@code %q} verb. */
  static String quote(String s) {
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
