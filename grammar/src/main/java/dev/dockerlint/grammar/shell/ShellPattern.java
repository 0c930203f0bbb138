package dev.dockerlint.grammar.shell;

import dev.dockerlint.grammar.GoText;
import java.util.Arrays;

/**
 * The wildcard patterns of {@code ${VAR#pattern}}, {@code ${VAR%pattern}} and {@code
 * ${VAR/pattern/replacement}}, matched the way BuildKit matches them.
 *
 * <p>BuildKit turns the pattern into a Go regular expression: {@code ?} is any character but a
 * newline, {@code *} any run of such characters (lazy or greedy, one choice for the whole pattern),
 * {@code \*}, {@code \?} and {@code \\} are literals, {@code \}} and {@code \/} stand for {@code }}
 * and {@code /}, any other escape is an error, and there are no bracket expressions. Go picks the
 * leftmost match and, among those, the first one a backtracking matcher would find, so this class
 * backtracks over the stars (remembering dead ends, so it stays polynomial) instead of compiling a
 * {@link java.util.regex.Pattern} for every expansion.
 */
final class ShellPattern {
  private static final int ANY = -2;
  private static final int STAR = -3;

  private final int[] tokens;
  private final boolean greedy;

  private ShellPattern(int[] tokens, boolean greedy) {
    this.tokens = tokens;
    this.greedy = greedy;
  }

  /** The pattern is not one BuildKit accepts: its message is BuildKit's. */
  static final class InvalidPatternException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidPatternException(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Reads {@code pattern}; {@code greedy} makes {@code *} match as much as possible, otherwise as
   * little.
   */
  static ShellPattern compile(String pattern, boolean greedy) throws InvalidPatternException {
    int[] tokens = new int[pattern.length()];
    int count = 0;
    int i = skipLeadingBom(pattern);
    while (i < pattern.length()) {
      int cp = pattern.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '*' -> tokens[count++] = STAR;
        case '?' -> tokens[count++] = ANY;
        case '\\' -> {
          if (i < pattern.length() && (pattern.charAt(i) == '}' || pattern.charAt(i) == '/')) {
            // left over from escaping the ${} delimiters: the next character is a plain literal
            continue;
          }
          int escaped = i < pattern.length() ? pattern.codePointAt(i) : GoText.EOF;
          if (escaped != '*' && escaped != '?' && escaped != '\\') {
            throw new InvalidPatternException(
                "invalid escape '\\" + GoText.runeString(escaped) + "'");
          }
          i += Character.charCount(escaped);
          tokens[count++] = escaped;
        }
        default -> tokens[count++] = cp;
      }
    }
    return new ShellPattern(Arrays.copyOf(tokens, count), greedy);
  }

  /**
   * Like Go's {@code text/scanner}, BuildKit never sees a byte order mark that starts a pattern.
   */
  private static int skipLeadingBom(String s) {
    return !s.isEmpty() && s.charAt(0) == GoText.BOM ? 1 : 0;
  }

  /**
   * Reverses a pattern for suffix matching, keeping each backslash in front of the character it
   * escapes: {@code a\*c} becomes {@code c\*a}.
   */
  static String reverse(String pattern) {
    int[] in = pattern.codePoints().toArray();
    int[] out = new int[in.length];
    int last = in.length - 1;
    for (int i = 0; i <= last; ) {
      int at = last - i;
      if (in[i] == '\\' && i != last) {
        out[at - 1] = '\\';
        out[at] = in[i + 1];
        i += 2;
      } else {
        out[at] = in[i];
        i++;
      }
    }
    return new String(out, 0, out.length);
  }

  /** {@code value} without the prefix this pattern matches, or {@code value} if none matches. */
  String trimPrefix(String value) {
    int[] s = value.codePoints().toArray();
    int end = new Matcher(s).matchAt(0);
    return end < 0 ? value : new String(s, end, s.length - end);
  }

  /**
   * {@code value} without the suffix this pattern matches; the pattern must have been built from a
   * {@linkplain #reverse(String) reversed} pattern, since the match runs on the reversed value.
   */
  String trimSuffixOfReversed(String value) {
    int[] s = value.codePoints().toArray();
    reverseInPlace(s);
    int end = new Matcher(s).matchAt(0);
    if (end < 0) {
      return value;
    }
    int[] kept = Arrays.copyOfRange(s, end, s.length);
    reverseInPlace(kept);
    return new String(kept, 0, kept.length);
  }

  private static void reverseInPlace(int[] s) {
    for (int i = 0, j = s.length - 1; i < j; i++, j--) {
      int t = s[i];
      s[i] = s[j];
      s[j] = t;
    }
  }

  /** Replaces the leftmost match with {@code replacement}, taken literally. */
  String replaceFirst(String value, String replacement) {
    int[] s = value.codePoints().toArray();
    Matcher m = new Matcher(s);
    if (!m.find(0)) {
      return value;
    }
    return new StringBuilder()
        .append(new String(s, 0, m.start))
        .append(replacement)
        .append(new String(s, m.end, s.length - m.end))
        .toString();
  }

  /**
   * Go's {@code Regexp.ReplaceAllString}: replaces every match, skipping an empty match right after
   * a previous match, and expands {@code $} in {@code template} the way Go does for a pattern
   * without groups ({@code $0} or {@code ${0}} is the match, {@code $$} a dollar).
   */
  String replaceAll(String value, String template) {
    int[] s = value.codePoints().toArray();
    Matcher m = new Matcher(s);
    StringBuilder out = new StringBuilder(value.length());
    int lastMatchEnd = 0;
    int searchPos = 0;
    while (searchPos <= s.length && m.find(searchPos)) {
      out.append(new String(s, lastMatchEnd, m.start - lastMatchEnd));
      if (m.end > lastMatchEnd || m.start == 0) {
        expand(template, new String(s, m.start, m.end - m.start), out);
      }
      lastMatchEnd = m.end;
      searchPos = Math.max(m.end, searchPos + 1);
    }
    return out.append(new String(s, lastMatchEnd, s.length - lastMatchEnd)).toString();
  }

  /** Go's {@code Regexp.Expand} for a pattern whose only group is the whole match. */
  private static void expand(String template, String match, StringBuilder out) {
    int i = 0;
    for (int dollar = template.indexOf('$'); dollar >= 0; dollar = template.indexOf('$', i)) {
      out.append(template, i, dollar);
      i = dollar + 1;
      if (i < template.length() && template.charAt(i) == '$') {
        out.append('$');
        i++;
        continue;
      }
      boolean brace = i < template.length() && template.charAt(i) == '{';
      int nameStart = brace ? i + 1 : i;
      int nameEnd = nameStart;
      while (nameEnd < template.length()) {
        int cp = template.codePointAt(nameEnd);
        if (!Character.isLetter(cp) && !Character.isDigit(cp) && cp != '_') {
          break;
        }
        nameEnd += Character.charCount(cp);
      }
      boolean closed = !brace || (nameEnd < template.length() && template.charAt(nameEnd) == '}');
      if (nameEnd == nameStart || !closed) {
        // malformed reference: Go keeps the dollar as text
        out.append('$');
        continue;
      }
      i = brace ? nameEnd + 1 : nameEnd;
      if (nameEnd - nameStart == 1 && template.charAt(nameStart) == '0') {
        out.append(match);
      }
      // any other name or number refers to a group that does not exist: it expands to nothing
    }
    out.append(template, i, template.length());
  }

  /** One search over one value; remembers which (star, position) pairs cannot lead to a match. */
  private final class Matcher {
    private final int[] s;
    private final int[] newlineAtOrAfter;
    private long[] deadEnds;
    int start;
    int end;

    Matcher(int[] s) {
      this.s = s;
      this.newlineAtOrAfter = new int[s.length + 1];
      newlineAtOrAfter[s.length] = s.length;
      for (int i = s.length - 1; i >= 0; i--) {
        newlineAtOrAfter[i] = s[i] == '\n' ? i : newlineAtOrAfter[i + 1];
      }
    }

    /**
     * The leftmost match starting at or after {@code from}; sets {@link #start} and {@link #end}.
     */
    boolean find(int from) {
      for (int at = from; at <= s.length; at++) {
        int matchEnd = matchAt(at);
        if (matchEnd >= 0) {
          start = at;
          end = matchEnd;
          return true;
        }
      }
      return false;
    }

    /** The end of the preferred match starting exactly at {@code at}, or -1. */
    int matchAt(int at) {
      return match(0, at);
    }

    private int match(int token, int pos) {
      int t = token;
      int p = pos;
      while (t < tokens.length && tokens[t] != STAR) {
        if (p >= s.length || (tokens[t] == ANY ? s[p] == '\n' : s[p] != tokens[t])) {
          return -1;
        }
        t++;
        p++;
      }
      if (t == tokens.length) {
        return p;
      }
      if (isDeadEnd(t, p)) {
        return -1;
      }
      int longest = newlineAtOrAfter[p];
      for (int k = 0; k <= longest - p; k++) {
        int result = match(t + 1, greedy ? longest - k : p + k);
        if (result >= 0) {
          return result;
        }
      }
      markDeadEnd(t, p);
      return -1;
    }

    private boolean isDeadEnd(int token, int pos) {
      if (deadEnds == null) {
        return false;
      }
      int bit = token * (s.length + 1) + pos;
      return (deadEnds[bit >>> 6] & (1L << bit)) != 0;
    }

    private void markDeadEnd(int token, int pos) {
      int bit = token * (s.length + 1) + pos;
      if (deadEnds == null) {
        deadEnds = new long[(tokens.length * (s.length + 1) >>> 6) + 1];
      }
      deadEnds[bit >>> 6] |= 1L << bit;
    }
  }
}
