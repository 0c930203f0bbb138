package dev.dockerlint.imagefs;

import dev.dockerlint.image.FileEntry;
import dev.dockerlint.image.FileIndex;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves an image's {@code USER} ({@code user[:group]}, names or numbers) against its {@code
 * /etc/passwd} and {@code /etc/group} exactly as runc does ({@code libcontainer/user.GetExecUser}):
 * a name must have a passwd entry, a number need not (the group is then 0); without an explicit
 * group the primary group comes from passwd and the supplementary groups are those that list the
 * user's name; an explicit group must exist by name or be a number.
 */
public final class UserLookup {
  private UserLookup() {}

  /** The answer. */
  public sealed interface Result {
    /** The process runs with these credentials. */
    record Found(Credentials credentials) implements Result {}

    /**
     * runc refuses to start the container; {@code error} is its message (what {@code docker run}
     * prints after "Error response from daemon:"), {@code file} the database that lacks the entry.
     */
    record Failed(String error, String file) implements Result {}

    /** The databases could not be read (too large, or a link out of reach). */
    record Unknown(String why) implements Result {}
  }

  private record PasswdEntry(String name, int uid, int gid) {}

  private record GroupEntry(String name, int gid, List<String> members) {}

  /** Resolves {@code user} (the config's {@code User}; empty is root) in {@code files}. */
  public static Result resolve(String user, FileIndex files) {
    String spec = user.strip();
    int colon = spec.indexOf(':');
    String userArg = colon < 0 ? spec : spec.substring(0, colon);
    String groupArg = colon < 0 ? "" : spec.substring(colon + 1);
    Optional<Integer> uidArg = number(userArg);
    Optional<Integer> gidArg = number(groupArg);

    Optional<Optional<String>> passwdText = text(files, "/etc/passwd");
    if (passwdText.isEmpty()) {
      return new Result.Unknown("/etc/passwd could not be read");
    }
    List<PasswdEntry> users = passwd(passwdText.get().orElse(""));
    PasswdEntry match = null;
    for (PasswdEntry e : users) {
      boolean hit =
          userArg.isEmpty()
              ? e.uid() == 0
              : uidArg.isPresent() ? uidArg.get() == e.uid() : e.name().equals(userArg);
      if (hit) {
        match = e;
        break;
      }
    }
    int uid = 0;
    int gid = 0;
    if (match != null) {
      uid = match.uid();
      gid = match.gid();
    } else if (!userArg.isEmpty()) {
      if (uidArg.isEmpty()) {
        return new Result.Failed(
            "unable to find user " + userArg + ": no matching entries in passwd file",
            "/etc/passwd");
      }
      uid = uidArg.get();
    }
    Set<Integer> supplementary = new LinkedHashSet<>();
    if (match != null || !groupArg.isEmpty()) {
      Optional<Optional<String>> groupText = text(files, "/etc/group");
      if (groupText.isEmpty()) {
        return new Result.Unknown("/etc/group could not be read");
      }
      List<GroupEntry> groups = group(groupText.get().orElse(""));
      if (!groupArg.isEmpty()) {
        Optional<GroupEntry> g =
            groups.stream()
                .filter(
                    x -> gidArg.isPresent() ? x.gid() == gidArg.get() : x.name().equals(groupArg))
                .findFirst();
        if (g.isPresent()) {
          gid = g.get().gid();
        } else if (gidArg.isPresent()) {
          gid = gidArg.get();
        } else {
          return new Result.Failed(
              "unable to find group " + groupArg + ": no matching entries in group file",
              "/etc/group");
        }
      } else {
        String name = match.name();
        for (GroupEntry g : groups) {
          if (g.members().contains(name)) {
            supplementary.add(g.gid());
          }
        }
      }
    }
    return new Result.Found(
        new Credentials(uid, gid, supplementary, spec.isEmpty() ? "root" : spec));
  }

  /**
   * The text of a database: empty when it cannot be read, an empty text when the file does not
   * exist (runc then matches nothing).
   */
  private static Optional<Optional<String>> text(FileIndex files, String path) {
    Optional<FileEntry> e = files.resolve(path);
    if (e.isEmpty()) {
      return files.get(path).isPresent()
          ? Optional.empty() // a dangling or unreadable link
          : Optional.of(Optional.empty());
    }
    if (e.get().kind() != FileEntry.Kind.FILE) {
      return Optional.of(Optional.empty());
    }
    if (e.get().text().isPresent()) {
      return Optional.of(e.get().text());
    }
    return e.get().size() == 0 ? Optional.of(Optional.of("")) : Optional.empty();
  }

  private static List<PasswdEntry> passwd(String text) {
    List<PasswdEntry> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      String[] f = fields(line);
      if (f.length < 4 || f[0].isEmpty()) {
        continue;
      }
      Optional<Integer> uid = number(f[2]);
      Optional<Integer> gid = number(f[3]);
      if (uid.isPresent() && gid.isPresent()) {
        out.add(new PasswdEntry(f[0], uid.get(), gid.get()));
      }
    }
    return out;
  }

  private static List<GroupEntry> group(String text) {
    List<GroupEntry> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      String[] f = fields(line);
      if (f.length < 3 || f[0].isEmpty()) {
        continue;
      }
      Optional<Integer> gid = number(f[2]);
      if (gid.isEmpty()) {
        continue;
      }
      List<String> members = new ArrayList<>();
      if (f.length > 3) {
        for (String m : f[3].split(",")) {
          if (!m.isBlank()) {
            members.add(m.strip());
          }
        }
      }
      out.add(new GroupEntry(f[0], gid.get(), members));
    }
    return out;
  }

  /** A database line's fields; comments and blank lines have none. */
  private static String[] fields(String line) {
    String l = line.strip();
    if (l.isEmpty() || l.startsWith("#")) {
      return new String[0];
    }
    return l.split(":", -1);
  }

  private static Optional<Integer> number(String s) {
    if (s.isEmpty() || !s.chars().allMatch(Character::isDigit) || s.length() > 10) {
      return Optional.empty();
    }
    long v = Long.parseLong(s);
    return v <= Integer.MAX_VALUE ? Optional.of((int) v) : Optional.empty();
  }
}
