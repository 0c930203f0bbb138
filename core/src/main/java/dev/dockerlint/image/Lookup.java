package dev.dockerlint.image;

/** The answer of an {@link ImageMetadataSource}. */
public sealed interface Lookup {

  /** The image exists; here is what it holds. */
  record Found(ImageInfo image) implements Lookup {}

  /** The source is sure the image (or that platform of it) does not exist. */
  record NotFound(String reason) implements Lookup {}

  /** The source could not tell: offline, no daemon, unauthorised, timeout, too large ... */
  record Unavailable(String reason) implements Lookup {}
}
