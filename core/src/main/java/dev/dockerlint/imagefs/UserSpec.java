package dev.dockerlint.imagefs;

import java.util.Optional;

/**
 * The user a process runs as ({@code USER name[:group]}, numeric or by name), or unknown when the
 * base image decides and could not be inspected.
 */
public record UserSpec(boolean known, Optional<String> user, Optional<String> group) {

  public static UserSpec root() {
    return new UserSpec(true, Optional.empty(), Optional.empty());
  }

  public static UserSpec unknown() {
    return new UserSpec(false, Optional.empty(), Optional.empty());
  }

  /** Parses {@code user[:group]}; an empty value is root. */
  public static UserSpec parse(String text) {
    String t = text.trim();
    if (t.isEmpty()) {
      return root();
    }
    int colon = t.indexOf(':');
    String u = colon < 0 ? t : t.substring(0, colon);
    Optional<String> g = colon < 0 ? Optional.empty() : Optional.of(t.substring(colon + 1));
    return new UserSpec(true, u.isEmpty() ? Optional.empty() : Optional.of(u), g);
  }

  /** Whether the process surely runs as root. */
  public boolean isRoot() {
    return known && (user.isEmpty() || user.get().equals("root") || user.get().equals("0"));
  }

  /** Whether the process surely runs as a user other than root. */
  public boolean isNonRoot() {
    return known && !isRoot() && !user.get().contains("$");
  }

  @Override
  public String toString() {
    if (!known) {
      return "the base image's user";
    }
    return user.orElse("root") + group.map(g -> ":" + g).orElse("");
  }
}
