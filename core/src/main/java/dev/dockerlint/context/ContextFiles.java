package dev.dockerlint.context;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The file system questions that reading a build context asks: what an entry is ({@code lstat}),
 * what a directory holds, where a symlink points, whether a file is readable, what an ignore file
 * says.
 *
 * <p>{@link #direct()} asks the operating system every time: what the language server uses, since
 * the files change while the user types. {@link #remembering()} asks each question once and keeps
 * the answer, failures included: for one command-line run, which lints a snapshot. A repository
 * whose Dockerfiles share one context (a folder of many {@code *.Dockerfile}, say) then has that
 * context listed once, not once per Dockerfile. Both are thread-safe.
 */
public interface ContextFiles {

  /** What {@code lstat} says of an entry: its type, size and permission bits ({@code 07777}). */
  record Stat(EntryType type, long size, int mode) {}

  /** The entry at {@code path}, without following a final symlink. */
  Stat lstat(Path path) throws IOException;

  /** The names in a directory, sorted. */
  List<String> list(Path directory) throws IOException;

  /** The text of a symlink. */
  String readLink(Path link) throws IOException;

  /** Whether this process may read {@code file}. */
  boolean readable(Path file);

  /** A small text file (an ignore file), decoded as UTF-8. */
  String readString(Path file) throws IOException;

  /** Asks the operating system every time. */
  static ContextFiles direct() {
    return Direct.INSTANCE;
  }

  /** Asks the operating system once per question, for the life of the returned object. */
  static ContextFiles remembering() {
    return new Remembering(direct());
  }

  /** The operating system's answers. */
  final class Direct implements ContextFiles {
    private static final Direct INSTANCE = new Direct();

    private Direct() {}

    @Override
    public Stat lstat(Path path) throws IOException {
      try {
        Map<String, Object> a =
            Files.readAttributes(path, "unix:mode,size", LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) a.get("mode");
        EntryType type =
            switch (mode & 0170000) {
              case 0100000 -> EntryType.FILE;
              case 0040000 -> EntryType.DIRECTORY;
              case 0120000 -> EntryType.SYMLINK;
              default -> EntryType.OTHER;
            };
        return new Stat(type, (Long) a.get("size"), mode & 07777);
      } catch (UnsupportedOperationException e) {
        return portableStat(path);
      }
    }

    /** For file systems without the "unix" view: no set-id bits, permissions if POSIX. */
    private static Stat portableStat(Path path) throws IOException {
      BasicFileAttributes a =
          Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      EntryType type =
          a.isSymbolicLink()
              ? EntryType.SYMLINK
              : a.isDirectory()
                  ? EntryType.DIRECTORY
                  : a.isRegularFile() ? EntryType.FILE : EntryType.OTHER;
      int mode = type == EntryType.DIRECTORY ? 0755 : 0644;
      PosixFileAttributeView posix =
          Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
      if (posix != null) {
        Set<PosixFilePermission> perms = posix.readAttributes().permissions();
        mode = 0;
        for (PosixFilePermission p : perms) {
          mode |= 0400 >> p.ordinal();
        }
      }
      return new Stat(type, a.size(), mode);
    }

    @Override
    public List<String> list(Path directory) throws IOException {
      List<String> names = new ArrayList<>();
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
        for (Path child : stream) {
          names.add(child.getFileName().toString());
        }
      }
      Collections.sort(names);
      return Collections.unmodifiableList(names);
    }

    @Override
    public String readLink(Path link) throws IOException {
      return Files.readSymbolicLink(link).toString();
    }

    @Override
    public boolean readable(Path file) {
      return Files.isReadable(file);
    }

    @Override
    public String readString(Path file) throws IOException {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
  }

  /** Keeps every answer of another instance, failures included. */
  final class Remembering implements ContextFiles {
    private final ContextFiles os;
    private final ConcurrentMap<Path, Answer<Stat>> stats = new ConcurrentHashMap<>();
    private final ConcurrentMap<Path, Answer<List<String>>> lists = new ConcurrentHashMap<>();
    private final ConcurrentMap<Path, Answer<String>> links = new ConcurrentHashMap<>();
    private final ConcurrentMap<Path, Answer<String>> texts = new ConcurrentHashMap<>();
    private final ConcurrentMap<Path, Boolean> readable = new ConcurrentHashMap<>();

    Remembering(ContextFiles os) {
      this.os = os;
    }

    /** A value or the exception asking for it threw (thrown again to every later asker). */
    private record Answer<T>(T value, IOException failure) {
      T get() throws IOException {
        if (failure != null) {
          throw failure;
        }
        return value;
      }
    }

    private interface Question<T> {
      T ask() throws IOException;
    }

    private static <T> Answer<T> answer(Question<T> q) {
      try {
        return new Answer<>(q.ask(), null);
      } catch (IOException e) {
        return new Answer<>(null, e);
      }
    }

    @Override
    public Stat lstat(Path path) throws IOException {
      return stats.computeIfAbsent(path, p -> answer(() -> os.lstat(p))).get();
    }

    @Override
    public List<String> list(Path directory) throws IOException {
      return lists.computeIfAbsent(directory, p -> answer(() -> os.list(p))).get();
    }

    @Override
    public String readLink(Path link) throws IOException {
      return links.computeIfAbsent(link, p -> answer(() -> os.readLink(p))).get();
    }

    @Override
    public boolean readable(Path file) {
      return readable.computeIfAbsent(file, os::readable);
    }

    @Override
    public String readString(Path file) throws IOException {
      return texts.computeIfAbsent(file, p -> answer(() -> os.readString(p))).get();
    }
  }
}
