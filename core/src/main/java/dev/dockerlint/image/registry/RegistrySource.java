package dev.dockerlint.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockerlint.image.Deadline;
import dev.dockerlint.image.Digests;
import dev.dockerlint.image.ImageConfig;
import dev.dockerlint.image.ImageConfigs;
import dev.dockerlint.image.ImageInfo;
import dev.dockerlint.image.ImageMetadataSource;
import dev.dockerlint.image.Lookup;
import dev.dockerlint.image.PlatformMatcher;
import dev.dockerlint.image.layer.FilesystemBuilder;
import dev.dockerlint.image.layer.LayerException;
import dev.dockerlint.image.layer.LayerReader;
import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.Platform;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Image facts from an OCI distribution registry (Docker Hub, GHCR, a private registry): the
 * manifest or index for the reference, the entry for the platform picked as containerd picks it,
 * the config blob, and, only when files are asked for, the layers streamed into a file index. Every
 * manifest and blob is checked against its digest; layers are bounded by {@link
 * dev.dockerlint.image.layer.LayerLimits} and never stored.
 */
public final class RegistrySource implements ImageMetadataSource {
  static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
  static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
  static final String DOCKER_SCHEMA1 = "application/vnd.docker.distribution.manifest.v1+prettyjws";
  private static final List<String> ACCEPT =
      List.of(OCI_INDEX, OCI_MANIFEST, DOCKER_LIST, DOCKER_MANIFEST);
  private static final int MAX_MANIFEST_BYTES = 4 << 20;
  private static final int MAX_CONFIG_BYTES = 8 << 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RegistrySettings settings;
  private final RegistryClient client;

  public RegistrySource(RegistrySettings settings) {
    this(settings, java.time.Clock.systemUTC());
  }

  /** A source whose memory of unreachable hosts ages by {@code clock} (tests). */
  RegistrySource(RegistrySettings settings, java.time.Clock clock) {
    this.settings = settings;
    this.client = new RegistryClient(settings, clock);
  }

  @Override
  public Lookup lookup(ImageRef ref, Platform platform, boolean withFiles) {
    Deadline d = Deadline.after(withFiles ? settings.filesTimeout() : settings.lookupTimeout());
    try {
      return find(ref, platform, withFiles, d);
    } catch (RegistryException e) {
      return e.kind() == RegistryException.Kind.NOT_FOUND
          ? new Lookup.NotFound(e.getMessage())
          : new Lookup.Unavailable(e.getMessage());
    } catch (LayerException e) {
      return new Lookup.Unavailable(ref.familiar() + ": " + e.getMessage());
    }
  }

  private record Manifest(String digest, String mediaType, JsonNode json) {
    boolean isIndex() {
      return mediaType.equals(OCI_INDEX) || mediaType.equals(DOCKER_LIST);
    }
  }

  private record Blob(String digest, long size, String mediaType) {}

  private Lookup find(ImageRef ref, Platform platform, boolean withFiles, Deadline d)
      throws RegistryException, LayerException {
    String reference = ref.digest().orElse(ref.tagOrLatest());
    Manifest top = manifest(ref, reference, ref.digest(), d);
    List<Platform> available = new ArrayList<>();
    Manifest m = top;
    if (top.isIndex()) {
      List<JsonNode> entries = new ArrayList<>();
      for (JsonNode e : top.json().path("manifests")) {
        JsonNode p = e.path("platform");
        if (!p.isObject()
            || p.path("os").asText("unknown").equals("unknown")
            || e.path("annotations").path("vnd.docker.reference.type").isTextual()) {
          continue; // attestations and other non-image entries
        }
        entries.add(e);
        Platform pl = ImageConfigs.platformOf(p, "os", "architecture", "variant");
        if (!available.contains(pl)) {
          available.add(pl);
        }
      }
      List<Platform> each = new ArrayList<>();
      for (JsonNode e : entries) {
        each.add(ImageConfigs.platformOf(e.path("platform"), "os", "architecture", "variant"));
      }
      Optional<Integer> best = PlatformMatcher.best(platform, each);
      if (best.isEmpty()) {
        return new Lookup.NotFound(
            ref.familiar()
                + " offers no variant for "
                + platform
                + " (it has "
                + String.join(", ", available.stream().map(Platform::toString).toList())
                + ")",
            available);
      }
      String digest = entries.get(best.get()).path("digest").asText("");
      if (!Digests.valid(digest)) {
        throw hostile(ref, "its index names a malformed digest");
      }
      m = manifest(ref, digest, Optional.of(digest), d);
      if (m.isIndex()) {
        throw new RegistryException(
            RegistryException.Kind.UNAVAILABLE,
            ref.familiar() + ": nested indexes are not supported");
      }
    }
    Blob config = blob(ref, m.json().path("config"), "config");
    byte[] configBytes = blobBytes(ref, config, MAX_CONFIG_BYTES, d);
    JsonNode root;
    try {
      root = JSON.readTree(configBytes);
    } catch (IOException e) {
      throw hostile(ref, "its image config is not JSON");
    }
    Platform actual = ImageConfigs.platformOf(root, "os", "architecture", "variant");
    ImageConfig cfg = ImageConfigs.fromJson(root.get("config"));
    ImageInfo info =
        new ImageInfo(
            ref,
            Optional.of(top.digest()),
            actual,
            available,
            cfg,
            Optional.empty(),
            Optional.of(config.digest()));
    if (!withFiles) {
      return new Lookup.Found(info);
    }
    List<Blob> layers = new ArrayList<>();
    long total = 0;
    for (JsonNode l : m.json().path("layers")) {
      Blob b = blob(ref, l, "layer");
      if (b.mediaType().contains("foreign") || b.mediaType().contains("nondistributable")) {
        throw new RegistryException(
            RegistryException.Kind.UNAVAILABLE,
            ref.familiar() + " has foreign layers, which are not downloaded");
      }
      layers.add(b);
      total += b.size();
    }
    if (total > settings.limits().maxBytes()) {
      throw new LayerException(
          "its layers total "
              + total
              + " bytes, more than the limit of "
              + settings.limits().maxBytes()
              + " (--image-files-max-bytes)");
    }
    LayerReader reader = new LayerReader(settings.limits());
    FilesystemBuilder fs = new FilesystemBuilder(settings.limits().maxEntries());
    for (Blob b : layers) {
      try (RegistryClient.Response r =
          client.get(
              ref.registry(),
              ref.repository(),
              "/v2/" + ref.repository() + "/blobs/" + b.digest(),
              List.of(),
              d)) {
        if (r.status() == 404) {
          throw new RegistryException(
              RegistryException.Kind.UNAVAILABLE,
              ref.familiar() + ": layer " + b.digest() + " is missing from the registry");
        }
        Digests.VerifyingInputStream verified =
            new Digests.VerifyingInputStream(bounded(r.body(), b.size(), b.digest()), b.digest());
        fs.apply(reader.read(verified, b.digest()));
        if (!verified.matches()) {
          throw new LayerException(
              "layer " + b.digest() + " does not match its digest (got " + verified.actual() + ")");
        }
      }
    }
    return new Lookup.Found(info.withFiles(fs.build()));
  }

  private Manifest manifest(ImageRef ref, String reference, Optional<String> expected, Deadline d)
      throws RegistryException {
    try (RegistryClient.Response r =
        client.get(
            ref.registry(),
            ref.repository(),
            "/v2/" + ref.repository() + "/manifests/" + reference,
            ACCEPT,
            d)) {
      if (r.status() == 404) {
        throw new RegistryException(
            RegistryException.Kind.NOT_FOUND,
            ref.familiar() + " does not exist in registry " + ref.registry());
      }
      byte[] body = RegistryClient.readBounded(r.body(), MAX_MANIFEST_BYTES, "the manifest");
      String digest = expected.map(e -> Digests.of(body, e)).orElse(Digests.sha256(body));
      if (expected.isPresent() && !digest.equals(expected.get())) {
        throw hostile(
            ref,
            "the manifest " + expected.get() + " does not match its digest (got " + digest + ")");
      }
      JsonNode json = JSON.readTree(body);
      String type =
          json.path("mediaType").asText(r.header("Content-Type").orElse("").split(";")[0].strip());
      if (type.equals(DOCKER_SCHEMA1) || json.path("schemaVersion").asInt() == 1) {
        throw new RegistryException(
            RegistryException.Kind.UNAVAILABLE,
            ref.familiar() + " has a schema 1 manifest, which is not supported");
      }
      if (type.isEmpty()) {
        type = json.has("manifests") ? OCI_INDEX : OCI_MANIFEST;
      }
      return new Manifest(digest, type, json);
    } catch (IOException e) {
      throw new RegistryException(
          RegistryException.Kind.UNAVAILABLE,
          ref.familiar() + ": cannot read the manifest: " + RegistryClient.oneLine(e.getMessage()),
          e);
    }
  }

  private Blob blob(ImageRef ref, JsonNode descriptor, String what) throws RegistryException {
    String digest = descriptor.path("digest").asText("");
    long size = descriptor.path("size").asLong(-1);
    if (!Digests.valid(digest) || size < 0) {
      throw hostile(ref, "its manifest has a malformed " + what + " descriptor");
    }
    return new Blob(digest, size, descriptor.path("mediaType").asText(""));
  }

  private byte[] blobBytes(ImageRef ref, Blob b, int max, Deadline d) throws RegistryException {
    if (b.size() > max) {
      throw hostile(ref, "its config blob is " + b.size() + " bytes, more than " + max);
    }
    try (RegistryClient.Response r =
        client.get(
            ref.registry(),
            ref.repository(),
            "/v2/" + ref.repository() + "/blobs/" + b.digest(),
            List.of(),
            d)) {
      if (r.status() == 404) {
        throw new RegistryException(
            RegistryException.Kind.UNAVAILABLE,
            ref.familiar() + ": blob " + b.digest() + " is missing from the registry");
      }
      byte[] body = RegistryClient.readBounded(r.body(), max, "the config blob");
      String actual = Digests.of(body, b.digest());
      if (!actual.equals(b.digest())) {
        throw hostile(
            ref, "blob " + b.digest() + " does not match its digest (got " + actual + ")");
      }
      return body;
    } catch (IOException e) {
      throw new RegistryException(
          RegistryException.Kind.UNAVAILABLE,
          ref.familiar()
              + ": cannot read blob "
              + b.digest()
              + ": "
              + RegistryClient.oneLine(e.getMessage()),
          e);
    }
  }

  private static RegistryException hostile(ImageRef ref, String what) {
    return new RegistryException(RegistryException.Kind.UNAVAILABLE, ref.familiar() + ": " + what);
  }

  /** Fails a read past {@code size} bytes: a blob must be as long as its descriptor says. */
  private static InputStream bounded(InputStream in, long size, String digest) {
    return new FilterInputStream(in) {
      private long read;

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && ++read > size) {
          throw new IOException(
              "blob " + digest + " is longer than its descriptor's " + size + " bytes");
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
          read += n;
          if (read > size) {
            throw new IOException(
                "blob " + digest + " is longer than its descriptor's " + size + " bytes");
          }
        }
        return n;
      }
    };
  }
}
