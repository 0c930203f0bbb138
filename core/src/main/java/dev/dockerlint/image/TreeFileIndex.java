package dev.dockerlint.image;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable {@link FileIndex} over a set of entries with clean absolute paths. The root {@code
 * /} is always present. Symlinks resolve inside the image root: an absolute target starts again at
 * the root and {@code ..} never climbs above it, as in a container.
 */
public final class TreeFileIndex implements FileIndex {
  /** Linux's limit of symlinks followed in one path lookup ({@code ELOOP}). */
  public static final int MAX_SYMLINK_HOPS = 40;

  private static final FileEntry ROOT =
      new FileEntry(
          "/", FileEntry.Kind.DIRECTORY, 0755, 0, 0, 0, Optional.empty(), Optional.empty());

  private final Map<String, FileEntry> byPath;
  private final List<FileEntry> sorted;

  private TreeFileIndex(Map<String, FileEntry> byPath, List<FileEntry> sorted) {
    this.byPath = byPath;
    this.sorted = sorted;
  }

  /** An index of these entries (paths are cleaned; a later entry for a path wins). */
  public static TreeFileIndex of(Collection<FileEntry> entries) {
    Map<String, FileEntry> map = new HashMap<>(Math.max(16, entries.size() * 4 / 3 + 1));
    map.put("/", ROOT);
    for (FileEntry e : entries) {
      String p = ImagePaths.isClean(e.path()) ? e.path() : ImagePaths.clean(e.path());
      map.put(p, p.equals(e.path()) ? e : withPath(e, p));
    }
    List<FileEntry> list = new ArrayList<>(map.values());
    list.sort(Comparator.comparing(FileEntry::path));
    return new TreeFileIndex(map, Collections.unmodifiableList(list));
  }

  /** An index with only the root directory. */
  public static TreeFileIndex empty() {
    return of(List.of());
  }

  private static FileEntry withPath(FileEntry e, String path) {
    return new FileEntry(
        path, e.kind(), e.mode(), e.size(), e.uid(), e.gid(), e.linkTarget(), e.facts());
  }

  @Override
  public Optional<FileEntry> get(String path) {
    return Optional.ofNullable(byPath.get(ImagePaths.clean(path)));
  }

  @Override
  public Optional<FileEntry> resolve(String path) {
    return resolve(path, byPath::get);
  }

  /**
   * Follows symlinks in every component of {@code path} inside an image root whose entries {@code
   * lookup} gives by clean path (null when absent), as the kernel does.
   */
  public static Optional<FileEntry> resolve(
      String path, java.util.function.Function<String, FileEntry> lookup) {
    Deque<String> todo = new ArrayDeque<>();
    pushComponents(todo, path);
    String current = "/";
    int hops = 0;
    while (!todo.isEmpty()) {
      String c = todo.pollFirst();
      if (c.equals("..")) {
        current = ImagePaths.parent(current).orElse("/");
        continue;
      }
      String next = ImagePaths.child(current, c);
      FileEntry e = lookup.apply(next);
      if (e == null) {
        return Optional.empty();
      }
      if (e.kind() == FileEntry.Kind.SYMLINK) {
        if (++hops > MAX_SYMLINK_HOPS || e.linkTarget().isEmpty()) {
          return Optional.empty();
        }
        String target = e.linkTarget().get();
        if (target.startsWith("/")) {
          current = "/";
        }
        pushComponents(todo, target);
        continue;
      }
      if (!todo.isEmpty() && e.kind() != FileEntry.Kind.DIRECTORY) {
        return Optional.empty(); // ENOTDIR
      }
      current = next;
    }
    return Optional.ofNullable(current.equals("/") ? rootOr(lookup) : lookup.apply(current));
  }

  private static FileEntry rootOr(java.util.function.Function<String, FileEntry> lookup) {
    FileEntry root = lookup.apply("/");
    return root != null ? root : ROOT;
  }

  /** Pushes the components of {@code path} to the front of {@code todo}, in order. */
  private static void pushComponents(Deque<String> todo, String path) {
    String[] parts = path.split("/");
    for (int i = parts.length - 1; i >= 0; i--) {
      String p = parts[i];
      if (!p.isEmpty() && !p.equals(".")) {
        todo.addFirst(p);
      }
    }
  }

  @Override
  public Collection<FileEntry> entries() {
    return sorted;
  }

  /** The number of entries, the root included. */
  public int size() {
    return sorted.size();
  }

  @Override
  public String toString() {
    return "TreeFileIndex[" + sorted.size() + " entries]";
  }
}
