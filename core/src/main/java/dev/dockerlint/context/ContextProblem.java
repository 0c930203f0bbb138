package dev.dockerlint.context;

import java.util.Objects;

/**
 * Why (part of) a {@code COPY} source cannot be resolved as expected. A value, never thrown.
 *
 * @param kind what went wrong
 * @param path the context-relative path concerned
 * @param message one line for a user: what, where and, where useful, what to do
 */
public record ContextProblem(Kind kind, String path, String message) {

  /** Kinds of problems; {@link ContextProblem#failsBuild()} tells which stop a build. */
  public enum Kind {
    /** The source does not exist; BuildKit fails with {@code "/x": not found}. */
    NOT_FOUND,
    /** The source exists but {@code .dockerignore} leaves it out, so the build cannot find it. */
    EXCLUDED,
    /** A wildcard matched nothing; BuildKit copies nothing and goes on. */
    NO_MATCH,
    /** Symlinks form a loop or chain deeper than {@link BuildContext.Limits#maxSymlinks()}. */
    SYMLINK_LOOP,
    /** A wildcard's base is not a directory. */
    NOT_A_DIRECTORY,
    /** The file system refused a read (permissions, I/O error). */
    UNREADABLE,
    /** More entries than {@link BuildContext.Limits#maxEntries()}; the result is partial. */
    TOO_MANY_ENTRIES,
    /** Deeper than {@link BuildContext.Limits#maxDepth()}; the result is partial. */
    TOO_DEEP
  }

  public ContextProblem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /**
   * Whether BuildKit fails the build on this problem; our own limits and empty wildcards do not.
   */
  public boolean failsBuild() {
    return kind != Kind.NO_MATCH && kind != Kind.TOO_MANY_ENTRIES && kind != Kind.TOO_DEEP;
  }
}
