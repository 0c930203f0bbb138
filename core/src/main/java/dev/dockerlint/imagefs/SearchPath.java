package dev.dockerlint.imagefs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code PATH} a program name is looked up in, as far as it is known: each entry is a directory
 * or unknown (the base image's {@code PATH} when the image could not be inspected). A lookup can
 * only fail for sure when every entry is known.
 */
public record SearchPath(List<Optional<String>> entries) {

  /** What Docker and BuildKit use when an image sets no {@code PATH}. */
  public static final String DEFAULT =
      "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  public SearchPath {
    entries = List.copyOf(entries);
  }

  /** A PATH value; an empty entry means the working directory. */
  public static SearchPath parse(String value) {
    List<Optional<String>> out = new ArrayList<>();
    for (String e : value.split(":", -1)) {
      out.add(Optional.of(e.isEmpty() ? "." : e));
    }
    return new SearchPath(out);
  }

  public static SearchPath defaultPath() {
    return parse(DEFAULT);
  }

  /** A PATH nothing is known about. */
  public static SearchPath unknown() {
    List<Optional<String>> one = new ArrayList<>();
    one.add(Optional.empty());
    return new SearchPath(one);
  }

  /** Whether every entry is known. */
  public boolean known() {
    return entries.stream().allMatch(Optional::isPresent);
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    for (Optional<String> e : entries) {
      parts.add(e.orElse("<unknown>"));
    }
    return String.join(":", parts);
  }
}
