package dev.dockerlint.context;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the entries of one {@code COPY} end up in the image, with their mode and owner.
 *
 * @param destination the destination made absolute against {@code WORKDIR}, a trailing slash kept
 * @param placements every copied entry, in copy order; a later placement at the same target
 *     replaces an earlier one
 * @param issues what is doubtful or fails about this copy
 */
public record CopyPlan(String destination, List<Placement> placements, List<Issue> issues) {

  public CopyPlan {
    Objects.requireNonNull(destination, "destination");
    placements = List.copyOf(placements);
    issues = List.copyOf(issues);
  }

  /**
   * One entry placed in the image.
   *
   * @param source the context entry copied
   * @param target the absolute path in the image
   * @param type file, directory or symlink (a followed top-level symlink is its target's type)
   * @param mode the permission bits in the image ({@code --chmod} applied; symlinks keep theirs)
   * @param chown the {@code --chown} value, if any (otherwise 0:0)
   */
  public record Placement(
      ContextEntry source, String target, EntryType type, int mode, Optional<String> chown) {
    public Placement {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(chown, "chown");
    }
  }

  /**
   * Something a rule may want to report about this copy.
   *
   * @param kind what it is
   * @param message one line for a user
   */
  public record Issue(Kind kind, String message) {
    public Issue {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(message, "message");
    }
  }

  /** Kinds of {@link Issue}. */
  public enum Kind {
    /**
     * Several sources go to a destination without a trailing slash that is not known to be a
     * directory. The reference requires the slash and the classic builder fails; BuildKit writes
     * each file to the same path, the last one winning (moby/buildkit#1853).
     */
    SEVERAL_SOURCES_WITHOUT_TRAILING_SLASH,
    /** A later source replaced a file an earlier source of the same instruction placed. */
    OVERWRITTEN,
    /** A directory's contents would go to a path an earlier source made a file; BuildKit fails. */
    DIRECTORY_ONTO_FILE,
    /** The {@code --chmod} value is invalid; BuildKit fails. */
    INVALID_CHMOD
  }

  /** The placement that ends up at {@code target}, if any (the last one written there). */
  public Optional<Placement> at(String target) {
    String cleaned = GoPath.clean(target);
    for (int i = placements.size() - 1; i >= 0; i--) {
      if (placements.get(i).target().equals(cleaned)) {
        return Optional.of(placements.get(i));
      }
    }
    return Optional.empty();
  }
}
