package dev.dockerlint.rules;

import java.util.Optional;

/**
 * Where in a built image a finding of an {@link ImageCheck} is, since an image has no lines: the
 * image and platform checked, the path inside it and, for a binary of the wrong architecture, the
 * platform its ELF header names beside the one the image is for.
 *
 * @param image the image as given, e.g. {@code registry.example/app:1.0}
 * @param platform the platform of the image that was checked, e.g. {@code linux/arm64}
 * @param path the path inside the image the finding is about (empty when it is about the config)
 * @param found for an ELF file of another architecture: the platform it is built for
 * @param expected for an ELF file of another architecture: the platform of the image
 */
public record ImagePlace(
    String image, String platform, String path, Optional<String> found, Optional<String> expected) {

  public static ImagePlace of(String image, String platform, String path) {
    return new ImagePlace(image, platform, path, Optional.empty(), Optional.empty());
  }

  public ImagePlace withArchitectures(String found, String expected) {
    return new ImagePlace(image, platform, path, Optional.of(found), Optional.of(expected));
  }
}
