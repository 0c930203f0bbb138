package dev.dockerlint.image;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The filesystem of an image: every path with its entry. Paths are absolute and clean ({@code
 * /usr/bin/python3}). {@link #resolve} follows symlinks (relative and absolute, within the image
 * root, at most 40 hops) the way the kernel does when it runs a program.
 */
public interface FileIndex {

  /** The entry at exactly this path (a symlink is returned as the link). */
  Optional<FileEntry> get(String path);

  /** The entry this path leads to after following symlinks in every component. */
  Optional<FileEntry> resolve(String path);

  /** Every entry. */
  Collection<FileEntry> entries();

  /** The entries directly inside directory {@code dir} (not following symlinks). */
  default List<FileEntry> children(String dir) {
    String d = ImagePaths.clean(dir);
    List<FileEntry> out = new ArrayList<>();
    for (FileEntry e : entries()) {
      if (!e.path().equals("/") && ImagePaths.parent(e.path()).orElse("/").equals(d)) {
        out.add(e);
      }
    }
    return out;
  }
}
