package dev.dockerlint.image;

import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.Platform;

/**
 * What rules know about base images: one question, "what is image {@code ref} for {@code
 * platform}?", answered by a Docker Engine, a registry, a cache or nothing. Implementations are
 * thread-safe and bound every call with a timeout; they never throw for a missing image or an
 * unreachable service, they answer {@link Lookup.NotFound} or {@link Lookup.Unavailable}.
 *
 * <p>Rules that get {@code Unavailable} stay silent: they never guess.
 */
public interface ImageMetadataSource {

  /**
   * Looks up an image. With {@code withFiles} the answer includes the image's {@link FileIndex}
   * (which may mean downloading layers); without, only config and platforms.
   */
  Lookup lookup(ImageRef ref, Platform platform, boolean withFiles);

  /** A source that knows nothing (no daemon, no registry, offline without cache). */
  static ImageMetadataSource none(String reason) {
    return (ref, platform, withFiles) -> new Lookup.Unavailable(reason);
  }
}
