package dev.dockerlint.image;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Paths inside an image root, cleaned lexically like Go's {@code path.Clean} on an absolute path:
 * {@code //}, {@code .} and {@code ..} are resolved, and {@code ..} at the root stays at the root
 * (as the kernel does inside a container's root).
 */
public final class ImagePaths {
  private ImagePaths() {}

  /**
   * Whether {@code path} is already absolute and clean (no empty, {@code .} or {@code ..} part).
   */
  public static boolean isClean(String path) {
    int n = path.length();
    if (n == 0 || path.charAt(0) != '/') {
      return false;
    }
    if (n == 1) {
      return true;
    }
    if (path.charAt(n - 1) == '/') {
      return false;
    }
    int start = 1;
    while (start <= n) {
      int end = path.indexOf('/', start);
      if (end < 0) {
        end = n;
      }
      int len = end - start;
      if (len == 0
          || (len == 1 && path.charAt(start) == '.')
          || (len == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.')) {
        return false;
      }
      start = end + 1;
    }
    return true;
  }

  /** The clean absolute form of {@code path} ({@code usr//bin/../lib/} is {@code /usr/lib}). */
  public static String clean(String path) {
    return cleanWithin(path).path();
  }

  /** A cleaned path, and whether {@code ..} tried to climb above the root on the way. */
  public record Cleaned(String path, boolean escaped) {}

  /**
   * Cleans {@code path} as relative to the root; {@code escaped} tells whether a {@code ..} went
   * above it (Docker refuses such layer entries as a "breakout").
   */
  public static Cleaned cleanWithin(String path) {
    Deque<String> parts = new ArrayDeque<>();
    boolean escaped = false;
    int i = 0;
    int n = path.length();
    while (i < n) {
      int j = path.indexOf('/', i);
      if (j < 0) {
        j = n;
      }
      String c = path.substring(i, j);
      if (c.isEmpty() || c.equals(".")) {
        // nothing
      } else if (c.equals("..")) {
        if (parts.isEmpty()) {
          escaped = true;
        } else {
          parts.removeLast();
        }
      } else {
        parts.addLast(c);
      }
      i = j + 1;
    }
    if (parts.isEmpty()) {
      return new Cleaned("/", escaped);
    }
    StringBuilder sb = new StringBuilder(path.length() + 1);
    for (String p : parts) {
      sb.append('/').append(p);
    }
    return new Cleaned(sb.toString(), escaped);
  }

  /** The parent of a clean absolute path; empty for the root. */
  public static Optional<String> parent(String clean) {
    if (clean.equals("/")) {
      return Optional.empty();
    }
    int slash = clean.lastIndexOf('/');
    return Optional.of(slash == 0 ? "/" : clean.substring(0, slash));
  }

  /** The last component of a clean absolute path ({@code ""} for the root). */
  public static String name(String clean) {
    return clean.substring(clean.lastIndexOf('/') + 1);
  }

  /** {@code dir/name} for a clean absolute {@code dir} and a single component. */
  public static String child(String dir, String name) {
    return dir.equals("/") ? "/" + name : dir + "/" + name;
  }
}
