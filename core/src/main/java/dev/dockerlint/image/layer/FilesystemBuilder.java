package dev.dockerlint.image.layer;

import dev.dockerlint.image.FileEntry;
import dev.dockerlint.image.ImagePaths;
import dev.dockerlint.image.TreeFileIndex;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Applies layers in order, as the OCI image spec's "Applying changesets" says: a layer's whiteouts
 * and opaque directories hide what lower layers put there (never what the same layer adds), then
 * its entries are added; a non-directory replaces a directory with everything below it; missing
 * parent directories appear with mode 0755, as Docker creates them.
 */
public final class FilesystemBuilder {
  private final TreeMap<String, FileEntry> entries = new TreeMap<>();
  private final int maxEntries;

  public FilesystemBuilder(int maxEntries) {
    this.maxEntries = maxEntries;
  }

  /** Applies the next layer. */
  public void apply(LayerChanges layer) throws LayerException {
    for (String dir : layer.opaqueDirectories) {
      removeBelow(dir);
    }
    for (String path : layer.whiteouts) {
      entries.remove(path);
      removeBelow(path);
    }
    for (FileEntry e : layer.entries) {
      add(e);
    }
  }

  private void add(FileEntry e) throws LayerException {
    FileEntry entry = e.kind() == FileEntry.Kind.HARDLINK ? resolveHardlink(e) : e;
    FileEntry old = entries.get(entry.path());
    if (old != null
        && old.kind() == FileEntry.Kind.DIRECTORY
        && entry.kind() != FileEntry.Kind.DIRECTORY) {
      removeBelow(entry.path());
    }
    ensureParents(entry.path());
    entries.put(entry.path(), entry);
    if (entries.size() > maxEntries) {
      throw new LayerException("the image has more than " + maxEntries + " files");
    }
  }

  /** A hard link becomes a regular file with the linked file's size and facts. */
  private FileEntry resolveHardlink(FileEntry link) {
    String target = link.linkTarget().orElse("");
    FileEntry t = entries.get(target);
    if (t != null && t.kind() == FileEntry.Kind.SYMLINK) {
      return new FileEntry(
          link.path(),
          t.kind(),
          t.mode(),
          t.size(),
          link.uid(),
          link.gid(),
          t.linkTarget(),
          Optional.empty());
    }
    long size = t != null ? t.size() : 0;
    return new FileEntry(
        link.path(),
        t != null && t.kind() == FileEntry.Kind.OTHER ? t.kind() : FileEntry.Kind.FILE,
        link.mode(),
        size,
        link.uid(),
        link.gid(),
        Optional.of(target),
        t != null ? t.facts() : Optional.empty());
  }

  private void ensureParents(String path) {
    Optional<String> p = ImagePaths.parent(path);
    while (p.isPresent() && !p.get().equals("/")) {
      String dir = p.get();
      if (entries.containsKey(dir)) {
        return;
      }
      entries.put(
          dir,
          new FileEntry(
              dir, FileEntry.Kind.DIRECTORY, 0755, 0, 0, 0, Optional.empty(), Optional.empty()));
      p = ImagePaths.parent(dir);
    }
  }

  /** Removes everything strictly below {@code dir}. */
  private void removeBelow(String dir) {
    String prefix = dir.equals("/") ? "/" : dir + "/";
    // '0' is the character after '/', so [prefix, dir + "0") is exactly the subtree.
    String end = dir.equals("/") ? "0" : dir + "0";
    Map<String, FileEntry> below = entries.subMap(prefix, true, end, false);
    below.clear();
  }

  /** The number of entries so far. */
  public int size() {
    return entries.size();
  }

  /** The file index of the layers applied so far. */
  public TreeFileIndex build() {
    return TreeFileIndex.of(entries.values());
  }
}
