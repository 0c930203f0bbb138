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
   * (which may mean downloading layers); without, only config and platforms. When the files cannot
   * be read (too large, timed out), a lookup with files is {@link Lookup.Unavailable} even if one
   * without files would be found.
   */
  Lookup lookup(ImageRef ref, Platform platform, boolean withFiles);

  /**
   * Whether looking images up was asked for at all; false for {@link #none}, so that no one reports
   * "could not inspect" about sources the user turned off.
   */
  default boolean enabled() {
    return true;
  }

  /** A source that knows nothing (no daemon, no registry, offline without cache). */
  static ImageMetadataSource none(String reason) {
    return new ImageMetadataSource() {
      @Override
      public Lookup lookup(ImageRef ref, Platform platform, boolean withFiles) {
        return new Lookup.Unavailable(reason);
      }

      @Override
      public boolean enabled() {
        return false;
      }
    };
  }
}
