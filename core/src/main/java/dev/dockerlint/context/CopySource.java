package dev.dockerlint.context;

import java.util.List;
import java.util.Objects;

/**
 * One matched entry of a {@code COPY} source with what lies inside it, the input {@link
 * CopyDestination} places.
 *
 * @param source the source as written in the Dockerfile (its {@code /./} pivot matters for {@code
 *     --parents})
 * @param entry the matched entry, e.g. from {@link SourceResolution#matches()}
 * @param contents for a directory, what is inside it (e.g. {@link BuildContext#contents}); paths
 *     start with {@code entry.path() + "/"}
 */
public record CopySource(String source, ContextEntry entry, List<ContextEntry> contents) {
  public CopySource {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(entry, "entry");
    contents = List.copyOf(contents);
  }

  /** A matched entry with nothing inside (a file, or an empty directory). */
  public static CopySource of(String source, ContextEntry entry) {
    return new CopySource(source, entry, List.of());
  }
}
