package dev.dockerlint.image;

import dev.dockerlint.filefacts.FileFacts;
import java.util.Optional;

/**
 * One path in an image's filesystem after all layers are applied: its type, permission bits ({@code
 * 07777}), size, owner and, for symlinks, the target; for regular files that can be run, what their
 * first bytes say (shebang, ELF architecture and loader).
 */
public record FileEntry(
    String path,
    Kind kind,
    int mode,
    long size,
    int uid,
    int gid,
    Optional<String> linkTarget,
    Optional<FileFacts> facts) {

  /** The type of a filesystem entry. */
  public enum Kind {
    FILE,
    DIRECTORY,
    SYMLINK,
    HARDLINK,
    OTHER
  }

  /** Whether any execute bit is set. */
  public boolean executable() {
    return (mode & 0111) != 0;
  }
}
