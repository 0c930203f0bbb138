package dev.dockerlint.image;

import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.Platform;
import java.util.List;
import java.util.Optional;

/**
 * An image as a rule needs it: its digest, the platform of this manifest, the platforms its index
 * offers (empty for a single-platform image), its config, and its filesystem when it was asked for
 * and could be read.
 *
 * @param ref the reference that was looked up
 * @param digest the digest the reference resolves to: the index's digest for a multi-platform image
 *     (what {@code docker pull} prints and what {@code FROM name@digest} pins), else the
 *     manifest's; empty for an image that exists only in a Docker Engine
 * @param platform the platform the image's config declares
 * @param availablePlatforms the platforms of the index, empty when the image has no index
 * @param config the image config
 * @param files the filesystem, when asked for and readable
 * @param imageId the digest of the image config ({@code docker images} shows it as IMAGE ID); it
 *     names the filesystem, so caches key file indexes by it
 */
public record ImageInfo(
    ImageRef ref,
    Optional<String> digest,
    Platform platform,
    List<Platform> availablePlatforms,
    ImageConfig config,
    Optional<FileIndex> files,
    Optional<String> imageId) {

  public ImageInfo {
    availablePlatforms = List.copyOf(availablePlatforms);
  }

  public ImageInfo(
      ImageRef ref,
      Optional<String> digest,
      Platform platform,
      List<Platform> availablePlatforms,
      ImageConfig config,
      Optional<FileIndex> files) {
    this(ref, digest, platform, availablePlatforms, config, files, Optional.empty());
  }

  /** The same image with this filesystem. */
  public ImageInfo withFiles(FileIndex index) {
    return new ImageInfo(
        ref, digest, platform, availablePlatforms, config, Optional.of(index), imageId);
  }

  /** The same image without its filesystem. */
  public ImageInfo withoutFiles() {
    return new ImageInfo(
        ref, digest, platform, availablePlatforms, config, Optional.empty(), imageId);
  }

  /** The same facts, as the answer for another reference (e.g. a tag that names this digest). */
  public ImageInfo withRef(ImageRef other) {
    return new ImageInfo(other, digest, platform, availablePlatforms, config, files, imageId);
  }
}
