package dev.dockerlint.context;

import java.util.ArrayList;
import java.util.List;

/** Go's {@code path.Clean} and a few helpers on slash-separated paths, as Docker applies them. */
final class GoPath {
  private GoPath() {}

  /**
   * Lexically cleans a slash-separated path like Go's {@code path.Clean}: repeated slashes become
   * one, {@code .} elements go, {@code ..} removes the element before it (and is dropped at the
   * start of a rooted path), a trailing slash goes, and an empty result is {@code "."}.
   */
  static String clean(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    boolean rooted = path.startsWith("/");
    List<String> out = new ArrayList<>();
    for (String part : path.split("/", -1)) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
          out.remove(out.size() - 1);
        } else if (!rooted) {
          out.add(part);
        }
        continue;
      }
      out.add(part);
    }
    String joined = String.join("/", out);
    if (rooted) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }

  /** The parent of a cleaned relative path; {@code "."} for a single element. */
  static String dir(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "." : clean(path.substring(0, slash));
  }

  /** The last element of a path. */
  static String base(String path) {
    String cleaned = clean(path);
    if (cleaned.equals("/")) {
      return "/";
    }
    int slash = cleaned.lastIndexOf('/');
    return slash < 0 ? cleaned : cleaned.substring(slash + 1);
  }

  /** Joins relative path elements, skipping {@code "."} and empty ones. */
  static String join(String a, String b) {
    if (a.isEmpty() || a.equals(".")) {
      return b.isEmpty() ? "." : b;
    }
    if (b.isEmpty() || b.equals(".")) {
      return a;
    }
    return a + "/" + b;
  }

  /**
   * Go's {@code strings.TrimSpace}: removes leading and trailing Unicode white space (including
   * U+0085 and U+00A0, which {@link String#strip()} keeps).
   */
  static String trimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isGoSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isGoSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean isGoSpace(char c) {
    return switch (c) {
      case '\t', '\n', '\u000b', '\f', '\r', ' ', '\u0085', '\u00a0' -> true;
      default -> Character.isSpaceChar(c);
    };
  }
}
