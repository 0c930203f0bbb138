package dev.dockerlint.rules;

import java.util.Locale;
import java.util.Optional;

/** How bad a finding is; ordered from worst to mildest. */
public enum Severity {
  ERROR,
  WARNING,
  INFO,
  STYLE;

  /** The lower-case name used in output and configuration. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this severity is at least as bad as {@code threshold}. */
  public boolean atLeast(Severity threshold) {
    return ordinal() <= threshold.ordinal();
  }

  public static Optional<Severity> parse(String s) {
    for (Severity v : values()) {
      if (v.id().equalsIgnoreCase(s.trim())) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
