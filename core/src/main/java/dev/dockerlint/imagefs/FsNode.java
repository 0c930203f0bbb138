package dev.dockerlint.imagefs;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One entry of a stage's filesystem as the Dockerfile makes it: a file, directory or symlink with
 * its permission bits, owner, content and origin.
 *
 * @param path absolute and clean, e.g. {@code /usr/local/bin/app}
 * @param kind what it is
 * @param mode permission bits ({@code 07777}), when known
 * @param owner the owner as {@code COPY --chown} or {@code chown} wrote it ({@code 0:0} for files
 *     copied without {@code --chown}); empty when unknown
 * @param linkTarget the target of a symlink
 * @param content what is known about a file's bytes
 * @param origin where it comes from
 */
public record FsNode(
    String path,
    Kind kind,
    OptionalInt mode,
    Optional<String> owner,
    Optional<String> linkTarget,
    Content content,
    Origin origin) {

  /** The type of an entry. */
  public enum Kind {
    FILE,
    DIRECTORY,
    SYMLINK
  }

  public FsNode {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(linkTarget, "linkTarget");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(origin, "origin");
  }

  /** A directory that exists because something was placed below it or WORKDIR named it. */
  public static FsNode directory(String path, Origin origin) {
    return new FsNode(
        path,
        Kind.DIRECTORY,
        OptionalInt.of(0755),
        Optional.of("0:0"),
        Optional.empty(),
        Content.unknown(),
        origin);
  }

  /** The same entry at another path (copied or moved there). */
  public FsNode at(String newPath) {
    return new FsNode(newPath, kind, mode, owner, linkTarget, content, origin);
  }

  public FsNode withMode(OptionalInt m) {
    return new FsNode(path, kind, m, owner, linkTarget, content, origin);
  }

  public FsNode withOwner(Optional<String> o) {
    return new FsNode(path, kind, mode, o, linkTarget, content, origin);
  }

  public FsNode withContent(Content c) {
    return new FsNode(path, kind, mode, owner, linkTarget, c, origin);
  }

  public FsNode withOrigin(Origin o) {
    return new FsNode(path, kind, mode, owner, linkTarget, content, o);
  }

  public boolean isDirectory() {
    return kind == Kind.DIRECTORY;
  }

  public boolean isSymlink() {
    return kind == Kind.SYMLINK;
  }
}
