package dev.dockerlint.syntax;

/**
 * ANTLR counts characters in code points; the syntax tree counts UTF-16 code units (like Java
 * strings and the Language Server Protocol). Only text with characters beyond the BMP needs a map.
 */
final class OffsetMap {
  private final int[] utf16;

  OffsetMap(String text) {
    boolean surrogates = false;
    for (int i = 0, n = text.length(); i < n; i++) {
      if (Character.isSurrogate(text.charAt(i))) {
        surrogates = true;
        break;
      }
    }
    if (!surrogates) {
      utf16 = null;
      return;
    }
    int n = text.codePointCount(0, text.length());
    utf16 = new int[n + 1];
    int cp = 0;
    for (int i = 0; i < text.length(); ) {
      utf16[cp++] = i;
      i += Character.charCount(text.codePointAt(i));
    }
    utf16[n] = text.length();
  }

  int utf16(int codePointIndex) {
    return utf16 == null ? codePointIndex : utf16[Math.min(codePointIndex, utf16.length - 1)];
  }
}
