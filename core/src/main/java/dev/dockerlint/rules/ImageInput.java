package dev.dockerlint.rules;

import dev.dockerlint.image.FileIndex;
import dev.dockerlint.image.ImageConfig;
import dev.dockerlint.imagefs.ImageAnalysis;
import dev.dockerlint.semantic.Platform;
import java.util.Optional;

/**
 * One platform of an image to check: how to name it, the platform its config declares, the platform
 * its index claims for this manifest (empty for an image without an index), its config, its files,
 * and what starting it meets ({@link ImageAnalysis}, computed once for all checks).
 *
 * @param name the image as given, e.g. {@code registry.example/app:1.0}
 * @param configPlatform the platform the image config declares
 * @param claimed the platform of the index entry that leads to this manifest
 * @param config the image config
 * @param files the image's filesystem
 * @param analysis the start of a container, analysed
 */
public record ImageInput(
    String name,
    Platform configPlatform,
    Optional<Platform> claimed,
    ImageConfig config,
    FileIndex files,
    ImageAnalysis.Result analysis) {

  /** The name in results: the image and its platform, e.g. {@code app:1.0 (linux/arm64)}. */
  public String display() {
    return name + " (" + platform() + ")";
  }

  /** The platform hosts run this image on: the index's claim, else the config's. */
  public Platform platform() {
    return claimed.orElse(configPlatform);
  }
}
