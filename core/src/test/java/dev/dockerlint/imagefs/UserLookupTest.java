package dev.dockerlint.imagefs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.image.FileEntry;
import dev.dockerlint.image.FileIndex;
import dev.dockerlint.image.TreeFileIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** USER resolved as runc resolves it, against an image's own user and group databases. */
class UserLookupTest {
  private static final String PASSWD =
      "root:x:0:0:root:/root:/bin/sh\n# a comment\napp:x:1000:1001::/home/app:/bin/sh\n";
  private static final String GROUP = "root:x:0:\napp:x:1001:\nwheel:x:10:app,other\n";

  private static FileIndex files(Optional<String> passwd, Optional<String> group) {
    List<FileEntry> entries = new ArrayList<>();
    entries.add(dir("/etc"));
    passwd.ifPresent(t -> entries.add(text("/etc/passwd", t)));
    group.ifPresent(t -> entries.add(text("/etc/group", t)));
    return TreeFileIndex.of(entries);
  }

  private static FileEntry dir(String path) {
    return new FileEntry(
        path, FileEntry.Kind.DIRECTORY, 0755, 0, 0, 0, Optional.empty(), Optional.empty());
  }

  private static FileEntry text(String path, String t) {
    return new FileEntry(
        path,
        FileEntry.Kind.FILE,
        0644,
        t.length(),
        0,
        0,
        Optional.empty(),
        Optional.empty(),
        Optional.of(t));
  }

  private static Credentials found(UserLookup.Result r) {
    assertThat(r).isInstanceOf(UserLookup.Result.Found.class);
    return ((UserLookup.Result.Found) r).credentials();
  }

  @Test
  void aNameTakesItsIdsFromPasswdAndItsSupplementaryGroupsFromGroup() {
    Credentials c =
        found(UserLookup.resolve("app", files(Optional.of(PASSWD), Optional.of(GROUP))));
    assertThat(c.uid()).isEqualTo(1000);
    assertThat(c.gid()).isEqualTo(1001);
    assertThat(c.groups()).isEqualTo(Set.of(10));
  }

  @Test
  void anEmptyUserIsRoot() {
    assertThat(
            found(UserLookup.resolve("", files(Optional.of(PASSWD), Optional.of(GROUP)))).isRoot())
        .isTrue();
  }

  @Test
  void aNumericUserNeedsNoEntryAndGetsGroupZero() {
    Credentials c = found(UserLookup.resolve("4242", files(Optional.empty(), Optional.empty())));
    assertThat(c.uid()).isEqualTo(4242);
    assertThat(c.gid()).isZero();
  }

  @Test
  void anUnknownNameFailsWithRuncsMessage() {
    UserLookup.Result r =
        UserLookup.resolve("nobody", files(Optional.of(PASSWD), Optional.of(GROUP)));
    assertThat(r)
        .isEqualTo(
            new UserLookup.Result.Failed(
                "unable to find user nobody: no matching entries in passwd file", "/etc/passwd"));
  }

  @Test
  void anUnknownGroupNameFailsWithRuncsMessage() {
    UserLookup.Result r =
        UserLookup.resolve("app:staff", files(Optional.of(PASSWD), Optional.of(GROUP)));
    assertThat(r)
        .isEqualTo(
            new UserLookup.Result.Failed(
                "unable to find group staff: no matching entries in group file", "/etc/group"));
  }

  @Test
  void anExplicitGroupReplacesThePrimaryOneAndDropsSupplementaryGroups() {
    Credentials c =
        found(UserLookup.resolve("app:wheel", files(Optional.of(PASSWD), Optional.of(GROUP))));
    assertThat(c.gid()).isEqualTo(10);
    assertThat(c.groups()).isEmpty();
  }

  @Test
  void accessFollowsTheOwnerGroupOtherClasses() {
    Credentials app = new Credentials(1000, 1001, Set.of(10), "app");
    assertThat(app.access(0750, Optional.of("1000:0"), false)).contains(7);
    assertThat(app.access(0750, Optional.of("0:10"), false)).contains(5);
    assertThat(app.access(0750, Optional.of("0:0"), false)).contains(0);
    assertThat(Credentials.root().access(0644, Optional.of("5:5"), false))
        .contains(Credentials.READ | Credentials.WRITE);
  }
}
