package dev.dockerlint.imagefs;

import java.util.Optional;
import java.util.Set;

/**
 * The numeric identity a container's process runs as, as runc sets it from {@code USER} and the
 * image's {@code /etc/passwd} and {@code /etc/group}: user id, primary group id and supplementary
 * groups. {@link #access} applies the kernel's permission classes (owner, group, other; root
 * overrides read and search, and executes what has any execute bit).
 *
 * @param uid the user id
 * @param gid the primary group id
 * @param groups the supplementary group ids
 * @param name how {@code USER} named the user, for messages
 */
public record Credentials(int uid, int gid, Set<Integer> groups, String name) {

  public static final int READ = 4;
  public static final int WRITE = 2;
  public static final int EXECUTE = 1;

  public Credentials {
    groups = Set.copyOf(groups);
  }

  public static Credentials root() {
    return new Credentials(0, 0, Set.of(), "root");
  }

  public boolean isRoot() {
    return uid == 0;
  }

  /**
   * The permission bits ({@code rwx} as 4, 2, 1) this identity has on an entry with {@code mode}
   * owned by {@code owner} ({@code "uid:gid"}); for a directory, execute means search. Empty when
   * the owner is not numeric.
   */
  public Optional<Integer> access(int mode, Optional<String> owner, boolean directory) {
    if (isRoot()) {
      // CAP_DAC_OVERRIDE: anything may be read, searched or written; a file is executed when
      // any execute bit is set
      boolean exec = directory || (mode & 0111) != 0;
      return Optional.of(READ | WRITE | (exec ? EXECUTE : 0));
    }
    if (owner.isEmpty()) {
      return Optional.empty();
    }
    String o = owner.get();
    int colon = o.indexOf(':');
    try {
      int fileUid = Integer.parseInt(colon < 0 ? o : o.substring(0, colon));
      int fileGid = colon < 0 ? -1 : Integer.parseInt(o.substring(colon + 1));
      if (fileUid == uid) {
        return Optional.of((mode >> 6) & 7);
      }
      if (fileGid == gid || groups.contains(fileGid)) {
        return Optional.of((mode >> 3) & 7);
      }
      return Optional.of(mode & 7);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** {@code uid N (name)}, or the name when it is the number. */
  @Override
  public String toString() {
    String id = "uid " + uid + ", gid " + gid;
    return name.equals(Integer.toString(uid)) || name.isEmpty()
        ? id
        : "'" + name + "' (" + id + ")";
  }
}
