package dev.dockerlint.context;

import dev.dockerlint.filefacts.FileFacts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A file, directory or symlink of the build context, as BuildKit would copy it.
 *
 * <p>For a {@code COPY} source that is a symlink, BuildKit copies what the link points to, so
 * {@link #type()}, {@link #size()} and {@link #mode()} describe the target, {@link #linkTarget()}
 * keeps the link text and {@link #resolvedPath()} names the target inside the context. Symlinks met
 * while walking a copied directory are copied as links: their type is {@link EntryType#SYMLINK}.
 *
 * <p>{@link #facts()} reads the {@link FileFacts} of a regular file on first use (a bounded read)
 * and remembers them. Instances are immutable in all that equality sees, and thread-safe.
 */
public final class ContextEntry {
  private final String path;
  private final EntryType type;
  private final long size;
  private final int mode;
  private final Optional<String> linkTarget;
  private final String resolvedPath;
  private final Path file;
  private volatile Object facts;

  ContextEntry(
      String path,
      EntryType type,
      long size,
      int mode,
      Optional<String> linkTarget,
      String resolvedPath,
      Path file) {
    this.path = Objects.requireNonNull(path, "path");
    this.type = Objects.requireNonNull(type, "type");
    this.size = size;
    this.mode = mode & 07777;
    this.linkTarget = Objects.requireNonNull(linkTarget, "linkTarget");
    this.resolvedPath = Objects.requireNonNull(resolvedPath, "resolvedPath");
    this.file = file;
  }

  /**
   * An entry without a file behind it, for callers (and tests) that describe a context by hand. Its
   * {@link #facts()} are empty.
   */
  public static ContextEntry of(String path, EntryType type, long size, int mode) {
    return new ContextEntry(path, type, size, mode, Optional.empty(), path, null);
  }

  /** A symlink without a file behind it; see {@link #of}. */
  public static ContextEntry symlink(String path, String target) {
    return new ContextEntry(
        path, EntryType.SYMLINK, target.length(), 0777, Optional.of(target), path, null);
  }

  /**
   * The context-relative, slash-separated path as the Dockerfile names it; {@code "."} is the root.
   */
  public String path() {
    return path;
  }

  public EntryType type() {
    return type;
  }

  /** Size in bytes (of the target, for a followed symlink). */
  public long size() {
    return size;
  }

  /**
   * The permission bits, set-id and sticky bits included ({@code 07777}), as the client sends them.
   */
  public int mode() {
    return mode;
  }

  /** The link text if this entry is, or was reached through, a symlink. */
  public Optional<String> linkTarget() {
    return linkTarget;
  }

  /** The context-relative path of what is copied, after following symlinks. */
  public String resolvedPath() {
    return resolvedPath;
  }

  /** The last element of {@link #path()}. */
  public String name() {
    return GoPath.base(path);
  }

  /**
   * The file's facts, read on first call; empty for non-files, entries made by hand or unreadable
   * files.
   */
  public Optional<FileFacts> facts() {
    Object loaded = loadFacts();
    return loaded instanceof FileFacts f ? Optional.of(f) : Optional.empty();
  }

  /** Why {@link #facts()} is empty for a regular file with a file behind it, if reading failed. */
  public Optional<ContextProblem> factsProblem() {
    Object loaded = loadFacts();
    return loaded instanceof ContextProblem p ? Optional.of(p) : Optional.empty();
  }

  private Object loadFacts() {
    Object loaded = facts;
    if (loaded != null) {
      return loaded;
    }
    if (type != EntryType.FILE || file == null) {
      loaded = Boolean.FALSE;
    } else {
      try {
        loaded = FileFacts.read(file);
      } catch (IOException e) {
        loaded =
            new ContextProblem(
                ContextProblem.Kind.UNREADABLE,
                path,
                "cannot read '" + path + "': " + e.getMessage());
      }
    }
    facts = loaded;
    return loaded;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContextEntry e
        && path.equals(e.path)
        && type == e.type
        && size == e.size
        && mode == e.mode
        && linkTarget.equals(e.linkTarget)
        && resolvedPath.equals(e.resolvedPath);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, type, size, mode, linkTarget, resolvedPath);
  }

  @Override
  public String toString() {
    return String.format(
        "%s %s %04o %d%s", type, path, mode, size, linkTarget.map(t -> " -> " + t).orElse(""));
  }
}
