package dev.dockerlint.testkit;

import java.util.Optional;

/**
 * A reference to a blob or manifest by content, as manifests and indexes hold them.
 *
 * @param mediaType what the referenced content is
 * @param digest its digest
 * @param size its length in bytes
 * @param platform for the entries of an index: the platform the entry claims
 */
public record Descriptor(String mediaType, Digest digest, long size, Optional<Platform> platform) {

  /** A descriptor without a platform. */
  public static Descriptor of(String mediaType, byte[] content) {
    return new Descriptor(mediaType, Digest.sha256(content), content.length, Optional.empty());
  }

  /** This descriptor claiming {@code platform}, for an index entry. */
  public Descriptor withPlatform(Platform platform) {
    return new Descriptor(mediaType, digest, size, Optional.of(platform));
  }
}
