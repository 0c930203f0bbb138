package dev.dockerlint.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A multi-platform image index (Docker: manifest list). Each entry carries the platform the test
 * gives it, whatever the referenced image's config says.
 */
public final class ImageIndex {

  private final ManifestFormat format;
  private final List<Descriptor> manifests;
  private final byte[] json;

  private ImageIndex(ManifestFormat format, List<Descriptor> manifests) {
    this.format = format;
    this.manifests = List.copyOf(manifests);
    ObjectNode root = Json.object();
    root.put("schemaVersion", 2);
    root.put("mediaType", format.indexType());
    ArrayNode entries = root.putArray("manifests");
    for (Descriptor manifest : this.manifests) {
      if (manifest.platform().isEmpty()) {
        throw new IllegalArgumentException("index entry without platform: " + manifest);
      }
      entries.add(Json.descriptor(manifest));
    }
    this.json = Json.bytes(root);
  }

  /** An index of the given image manifests; every descriptor needs a platform. */
  public static ImageIndex of(ManifestFormat format, List<Descriptor> manifests) {
    return new ImageIndex(format, manifests);
  }

  /** Docker manifest list or OCI index. */
  public ManifestFormat format() {
    return format;
  }

  /** The entries. */
  public List<Descriptor> manifests() {
    return manifests;
  }

  /** The index JSON. */
  public byte[] json() {
    return json.clone();
  }

  /** Its descriptor. */
  public Descriptor descriptor() {
    return Descriptor.of(format.indexType(), json);
  }
}
