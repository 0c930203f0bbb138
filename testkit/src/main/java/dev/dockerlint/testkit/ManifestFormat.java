package dev.dockerlint.testkit;

/**
 * The two families of manifests a registry serves, with their media types. Docker's (schema 2 and
 * manifest lists) and OCI's (image manifest and image index) have the same shape.
 */
public enum ManifestFormat {
  /** Docker image manifest schema 2 and manifest list. */
  DOCKER(
      "application/vnd.docker.distribution.manifest.v2+json",
      "application/vnd.docker.distribution.manifest.list.v2+json",
      "application/vnd.docker.container.image.v1+json",
      "application/vnd.docker.image.rootfs.diff.tar.gzip"),
  /** OCI image manifest and image index. */
  OCI(
      "application/vnd.oci.image.manifest.v1+json",
      "application/vnd.oci.image.index.v1+json",
      "application/vnd.oci.image.config.v1+json",
      "application/vnd.oci.image.layer.v1.tar+gzip");

  private final String manifest;
  private final String index;
  private final String config;
  private final String layer;

  ManifestFormat(String manifest, String index, String config, String layer) {
    this.manifest = manifest;
    this.index = index;
    this.config = config;
    this.layer = layer;
  }

  /** Media type of an image manifest. */
  public String manifestType() {
    return manifest;
  }

  /** Media type of a multi-platform index (Docker: manifest list). */
  public String indexType() {
    return index;
  }

  /** Media type of an image config blob. */
  public String configType() {
    return config;
  }

  /** Media type of a gzip-compressed layer blob. */
  public String layerType() {
    return layer;
  }
}
