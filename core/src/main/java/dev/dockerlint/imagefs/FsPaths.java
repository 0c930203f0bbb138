package dev.dockerlint.imagefs;

import java.util.ArrayList;
import java.util.List;

/** Absolute slash-separated paths inside an image, cleaned like Go's {@code path.Clean}. */
public final class FsPaths {
  private FsPaths() {}

  /** {@code path} made absolute against {@code dir} and cleaned; {@code ..} stops at the root. */
  public static String absolute(String dir, String path) {
    String joined = path.startsWith("/") ? path : dir + "/" + path;
    List<String> parts = new ArrayList<>();
    for (String p : joined.split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
      } else {
        parts.add(p);
      }
    }
    return "/" + String.join("/", parts);
  }

  /** {@code path} cleaned as an absolute path. */
  public static String clean(String path) {
    return absolute("/", path);
  }

  /** The parent directory of a clean absolute path ({@code /} for {@code /}). */
  public static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }

  /** The last element of a clean absolute path. */
  public static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** {@code child} below {@code dir}. */
  public static String join(String dir, String child) {
    return absolute(dir, child);
  }

  /** Whether {@code path} is {@code dir} or below it. */
  public static boolean isWithin(String path, String dir) {
    return dir.equals("/") || path.equals(dir) || path.startsWith(dir + "/");
  }

  /** The path of {@code path} relative to {@code dir} ({@code ""} when equal). */
  public static String relative(String path, String dir) {
    if (path.equals(dir)) {
      return "";
    }
    return dir.equals("/") ? path.substring(1) : path.substring(dir.length() + 1);
  }

  /** Every proper ancestor of a clean absolute path, from the root's child down. */
  public static List<String> ancestors(String path) {
    List<String> out = new ArrayList<>();
    int at = path.indexOf('/', 1);
    while (at > 0) {
      out.add(path.substring(0, at));
      at = path.indexOf('/', at + 1);
    }
    return out;
  }
}
