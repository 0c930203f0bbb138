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
 * directories, and for every file that starts with the ELF magic; other files have none.
 *
 * <p>A few small system files that decide how a container starts keep their {@code text}: the user
 * and group databases ({@code /etc/passwd}, {@code /etc/group}) and the dynamic loaders' search
 * path files ({@code /etc/ld.so.conf}, {@code /etc/ld.so.conf.d/*.conf}, {@code
 * /etc/ld-musl-ARCH.path}), up to {@link #MAX_TEXT} bytes each.
 */
public record FileEntry(
    String path,
    Kind kind,
    int mode,
    long size,
    int uid,
    int gid,
    Optional<String> linkTarget,
    Optional<FileFacts> facts,
    Optional<String> text) {

  /** The largest file whose text is kept. */
  public static final int MAX_TEXT = 256 * 1024;

  /** An entry without text. */
  public FileEntry(
      String path,
      Kind kind,
      int mode,
      long size,
      int uid,
      int gid,
      Optional<String> linkTarget,
      Optional<FileFacts> facts) {
    this(path, kind, mode, size, uid, gid, linkTarget, facts, Optional.empty());
  }

  /** Whether the sources keep the text of the file at {@code path} (see above). */
  public static boolean keepsText(String path) {
    return path.equals("/etc/passwd")
        || path.equals("/etc/group")
        || path.equals("/etc/ld.so.conf")
        || (path.startsWith("/etc/ld.so.conf.d/")
            && path.endsWith(".conf")
            && path.indexOf('/', "/etc/ld.so.conf.d/".length()) < 0)
        || (path.startsWith("/etc/ld-musl-") && path.endsWith(".path") && path.indexOf('/', 5) < 0);
  }

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
