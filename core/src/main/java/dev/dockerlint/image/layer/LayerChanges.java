package dev.dockerlint.image.layer;

import dev.dockerlint.image.FileEntry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one layer does to the filesystem below it: paths it deletes ({@code .wh.NAME} whiteouts),
 * directories whose lower contents it hides ({@code .wh..wh..opq}) and the entries it adds, in tar
 * order. Hard links are still {@link FileEntry.Kind#HARDLINK} here; {@link FilesystemBuilder}
 * resolves them.
 */
public final class LayerChanges {
  final List<FileEntry> entries = new ArrayList<>();
  final Set<String> whiteouts = new LinkedHashSet<>();
  final Set<String> opaqueDirectories = new LinkedHashSet<>();

  public List<FileEntry> entries() {
    return List.copyOf(entries);
  }

  public Set<String> whiteouts() {
    return Set.copyOf(whiteouts);
  }

  public Set<String> opaqueDirectories() {
    return Set.copyOf(opaqueDirectories);
  }
}
