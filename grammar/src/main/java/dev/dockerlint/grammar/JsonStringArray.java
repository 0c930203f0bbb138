package dev.dockerlint.grammar;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Exec form as BuildKit decides it: the argument text, after leading white space, is a JSON array
 * (Go's {@code encoding/json} rules) whose elements are all strings. A valid array with another
 * element is an error in BuildKit; anything that is not a valid JSON array is shell form.
 */
public final class JsonStringArray {

  /** A decoded string element and where it sits in the parsed text. */
  public record Element(String value, int start, int end) {}

  /** The outcome of reading argument text as a JSON array. */
  public sealed interface Result permits Strings, NotStrings, NotJson {}

  /** A valid array of strings: exec form. {@code start}/{@code end} delimit the brackets. */
  public record Strings(List<Element> elements, int start, int end) implements Result {}

  /** A valid JSON array with an element that is not a string (BuildKit rejects the file). */
  public record NotStrings(int start, int end) implements Result {}

  /** Not a JSON array: shell form. */
  public record NotJson() implements Result {}

  private final String text;
  private int pos;
  private boolean nonString;

  private JsonStringArray(String text) {
    this.text = text;
  }

  /** Strings of an exec-form argument text, if it is one. */
  public static Optional<List<String>> parse(String text) {
    Result r = read(text);
    if (r instanceof Strings s) {
      List<String> out = new ArrayList<>(s.elements().size());
      for (Element e : s.elements()) {
        out.add(e.value());
      }
      return Optional.of(out);
    }
    return Optional.empty();
  }

  /** Reads {@code text} (the whole argument text of an instruction) as BuildKit would. */
  public static Result read(String text) {
    JsonStringArray p = new JsonStringArray(text);
    int start = GoText.skipSpace(text, 0, text.length());
    if (start >= text.length() || text.charAt(start) != '[') {
      return new NotJson();
    }
    p.pos = start;
    List<Element> elements = new ArrayList<>();
    if (!p.array(elements, true)) {
      return new NotJson();
    }
    int end = p.pos;
    p.skipJsonSpace();
    if (p.pos != text.length()) {
      return new NotJson();
    }
    return p.nonString
        ? new NotStrings(start, end)
        : new Strings(List.copyOf(elements), start, end);
  }

  private void skipJsonSpace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        pos++;
      } else {
        return;
      }
    }
  }

  private boolean array(List<Element> out, boolean top) {
    pos++; // '['
    skipJsonSpace();
    if (peek() == ']') {
      pos++;
      return true;
    }
    while (true) {
      skipJsonSpace();
      if (peek() == '"') {
        int s = pos;
        String v = string();
        if (v == null) {
          return false;
        }
        if (top) {
          out.add(new Element(v, s, pos));
        }
      } else {
        if (top) {
          nonString = true;
        }
        if (!value()) {
          return false;
        }
      }
      skipJsonSpace();
      int c = peek();
      if (c == ',') {
        pos++;
      } else if (c == ']') {
        pos++;
        return true;
      } else {
        return false;
      }
    }
  }

  private boolean value() {
    int c = peek();
    switch (c) {
      case '"':
        return string() != null;
      case '[':
        return array(null, false);
      case '{':
        return object();
      case 't':
        return literal("true");
      case 'f':
        return literal("false");
      case 'n':
        return literal("null");
      default:
        return number();
    }
  }

  private boolean object() {
    pos++;
    skipJsonSpace();
    if (peek() == '}') {
      pos++;
      return true;
    }
    while (true) {
      skipJsonSpace();
      if (peek() != '"' || string() == null) {
        return false;
      }
      skipJsonSpace();
      if (peek() != ':') {
        return false;
      }
      pos++;
      skipJsonSpace();
      if (!value()) {
        return false;
      }
      skipJsonSpace();
      int c = peek();
      if (c == ',') {
        pos++;
      } else if (c == '}') {
        pos++;
        return true;
      } else {
        return false;
      }
    }
  }

  private boolean literal(String word) {
    if (text.startsWith(word, pos)) {
      pos += word.length();
      return true;
    }
    return false;
  }

  private boolean number() {
    int p = pos;
    if (p < text.length() && text.charAt(p) == '-') {
      p++;
    }
    if (p >= text.length()) {
      return false;
    }
    if (text.charAt(p) == '0') {
      p++;
    } else if (isDigit19(text.charAt(p))) {
      while (p < text.length() && isDigit(text.charAt(p))) {
        p++;
      }
    } else {
      return false;
    }
    if (p < text.length() && text.charAt(p) == '.') {
      p++;
      int digits = p;
      while (p < text.length() && isDigit(text.charAt(p))) {
        p++;
      }
      if (p == digits) {
        return false;
      }
    }
    if (p < text.length() && (text.charAt(p) == 'e' || text.charAt(p) == 'E')) {
      p++;
      if (p < text.length() && (text.charAt(p) == '+' || text.charAt(p) == '-')) {
        p++;
      }
      int digits = p;
      while (p < text.length() && isDigit(text.charAt(p))) {
        p++;
      }
      if (p == digits) {
        return false;
      }
    }
    pos = p;
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isDigit19(char c) {
    return c >= '1' && c <= '9';
  }

  /** A JSON string at {@code pos}, decoded; null when invalid. */
  private String string() {
    pos++; // opening quote
    StringBuilder sb = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c < 0x20) {
        return null;
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (pos >= text.length()) {
        return null;
      }
      char e = text.charAt(pos++);
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          int u = hex4();
          if (u < 0) {
            return null;
          }
          if (Character.isHighSurrogate((char) u)
              && pos + 1 < text.length()
              && text.charAt(pos) == '\\'
              && text.charAt(pos + 1) == 'u') {
            int save = pos;
            pos += 2;
            int low = hex4();
            if (low >= 0 && Character.isLowSurrogate((char) low)) {
              sb.append((char) u).append((char) low);
              break;
            }
            pos = save;
          }
          sb.append(Character.isSurrogate((char) u) ? '\uFFFD' : (char) u);
        }
        default -> {
          return null;
        }
      }
    }
    return null;
  }

  private int hex4() {
    if (pos + 4 > text.length()) {
      return -1;
    }
    int v = 0;
    for (int i = 0; i < 4; i++) {
      int d = Character.digit(text.charAt(pos + i), 16);
      if (d < 0) {
        return -1;
      }
      v = v * 16 + d;
    }
    pos += 4;
    return v;
  }

  private int peek() {
    return pos < text.length() ? text.charAt(pos) : -1;
  }
}
