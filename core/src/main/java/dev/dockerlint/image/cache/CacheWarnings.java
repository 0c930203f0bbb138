package dev.dockerlint.image.cache;

import java.util.ArrayList;
import java.util.List;

/**
 * Problems with the cache directory that do not stop a lint (the answer is still correct, only
 * slower next time). Kept for the CLI's {@code --verbose} output instead of printed from core.
 */
public final class CacheWarnings {
  private static final List<String> WARNINGS = new ArrayList<>();

  private CacheWarnings() {}

  /** Keeps a warning (the first 100). */
  public static synchronized void report(String warning) {
    if (WARNINGS.size() < 100) {
      WARNINGS.add(warning);
    }
  }

  /** The warnings so far, and forgets them. */
  public static synchronized List<String> drain() {
    List<String> out = List.copyOf(WARNINGS);
    WARNINGS.clear();
    return out;
  }
}
