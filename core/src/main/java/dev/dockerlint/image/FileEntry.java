package dev.dockerlint.image;

import dev.dockerlint.filefacts.FileFacts;
import java.util.Optional;

/**
 * One path in an image's filesystem after all layers are applied: its type, permission bits ({@code
 * 07777}), size, owner and, for symlinks, the target; for regular files that can be run, what their
 * first bytes say (shebang, ELF architecture and loader).
 *
 * <p>The sources index a hard link as a {@link Kind#FILE} (it is one: a second name of the same
 * data) with the size and facts of the file it links to, and {@code linkTarget} naming that file.
 * Facts are read for executable files and for files in the usual {@code bin} and {@code lib}
 * directories; other files have none.
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
    /** A hard link not resolved to its file (the sources resolve them: see above). */
    HARDLINK,
    /** A device, a FIFO or a socket. */
    OTHER
  }

  /** Whether any execute bit is set. */
  public boolean executable() {
    return (mode & 0111) != 0;
  }
}
