package dev.dockerlint.image;

import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.Platform;
import java.util.List;
import java.util.Optional;

/**
 * An image as a rule needs it: its digest, the platform of this manifest, the platforms its index
 * offers (empty for a single-platform image), its config, and its filesystem when it was asked for
 * and could be read.
 */
public record ImageInfo(
    ImageRef ref,
    Optional<String> digest,
    Platform platform,
    List<Platform> availablePlatforms,
    ImageConfig config,
    Optional<FileIndex> files) {

  public ImageInfo {
    availablePlatforms = List.copyOf(availablePlatforms);
  }
}
