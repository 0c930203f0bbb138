package dev.dockerlint.image.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockerlint.image.Digests;
import dev.dockerlint.image.FileIndex;
import dev.dockerlint.image.ImageConfig;
import dev.dockerlint.image.ImageConfigs;
import dev.dockerlint.image.ImagePaths;
import dev.dockerlint.image.layer.FilesystemBuilder;
import dev.dockerlint.image.layer.LayerException;
import dev.dockerlint.image.layer.LayerLimits;
import dev.dockerlint.image.layer.LayerReader;
import dev.dockerlint.semantic.Platform;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * The images of an OCI image layout directory or a {@code docker save} archive: one {@link Image}
 * per platform of each image in it, with its config and a way to read its layers once.
 */
public final class LocalImages implements Closeable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_JSON_BYTES = 8 << 20;
  private static final String INDEX_TYPES = "application/vnd.oci.image.index.v1+json";
  private static final String DOCKER_LIST =
      "application/vnd.docker.distribution.manifest.list.v2+json";

  /** One image (one platform) found on disk. */
  public record Image(
      String name,
      Optional<Platform> claimed,
      Platform platform,
      List<Platform> available,
      ImageConfig config,
      String imageId,
      List<LayerFile> layers) {
    public Image {
      available = List.copyOf(available);
      layers = List.copyOf(layers);
    }
  }

  /**
   * A layer: its path in the layout or archive, and the digest its bytes must have (an OCI layout's
   * descriptor names it; a docker save archive's manifest does not).
   */
  public record LayerFile(String path, Optional<String> digest) {}

  private final Store store;
  private final List<Image> images;

  private LocalImages(Store store, List<Image> images) {
    this.store = store;
    this.images = List.copyOf(images);
  }

  public List<Image> images() {
    return images;
  }

  /**
   * Opens an OCI layout ({@code directory}) or a docker save archive ({@code archive}); {@code
   * name} is how results name the images, {@code tag} picks one by its {@code ref.name} annotation
   * or repository tag.
   */
  public static LocalImages open(Path path, boolean archive, String name, Optional<String> tag)
      throws LocalImageException {
    Store store = archive ? TarStore.open(path) : new DirStore(path);
    try {
      List<Image> found;
      if (store.exists("index.json")) {
        found = ociLayout(store, name, tag);
      } else if (archive && store.exists("manifest.json")) {
        found = dockerSave(store, name, tag);
      } else {
        throw new LocalImageException(
            archive
                ? "not a docker save archive (no manifest.json or index.json)"
                : "not an OCI image layout (no index.json)");
      }
      if (found.isEmpty()) {
        throw new LocalImageException(
            tag.map(t -> "has no image tagged '" + t + "'").orElse("holds no image"));
      }
      return new LocalImages(store, found);
    } catch (LocalImageException | RuntimeException e) {
      closeQuietly(store);
      throw e;
    }
  }

  /** Reads the layers of {@code image}, in order, into its filesystem. */
  public FileIndex files(Image image, LayerLimits limits) throws LocalImageException {
    LayerReader reader = new LayerReader(limits);
    FilesystemBuilder fs = new FilesystemBuilder(limits.maxEntries());
    for (LayerFile l : image.layers()) {
      String layer = l.path();
      try (InputStream in = new BufferedInputStream(store.open(layer), 65536)) {
        if (l.digest().isEmpty()) {
          fs.apply(reader.read(in, layer));
          continue;
        }
        Digests.VerifyingInputStream verified =
            new Digests.VerifyingInputStream(in, l.digest().get());
        fs.apply(reader.read(verified, layer));
        if (!verified.matches()) {
          throw new LocalImageException(
              "layer " + layer + " does not match its digest (got " + verified.actual() + ")");
        }
      } catch (IOException e) {
        throw new LocalImageException("cannot read layer " + layer + ": " + message(e), e);
      } catch (LayerException e) {
        throw new LocalImageException("layer " + layer + ": " + e.getMessage(), e);
      }
    }
    return fs.build();
  }

  @Override
  public void close() {
    closeQuietly(store);
  }

  // --------------------------------------------------------------------------- OCI layout

  private static List<Image> ociLayout(Store store, String name, Optional<String> tag)
      throws LocalImageException {
    JsonNode index = json(store, "index.json");
    List<JsonNode> entries = new ArrayList<>();
    for (JsonNode d : index.path("manifests")) {
      Optional<String> refName =
          text(d.path("annotations"), "org.opencontainers.image.ref.name")
              .or(() -> text(d.path("annotations"), "io.containerd.image.name"));
      if (tag.isEmpty() || refName.filter(r -> matchesTag(r, tag.get())).isPresent()) {
        entries.add(d);
      }
    }
    List<Image> out = new ArrayList<>();
    entries(store, entries, name, Optional.empty(), List.of(), out, 0);
    return out;
  }

  private static Optional<String> text(JsonNode n, String key) {
    return Optional.ofNullable(n.get(key)).map(JsonNode::asText);
  }

  /**
   * The images of an index's entries (or of index.json's): attestations are skipped, and an entry's
   * platform is what the index claims for it.
   */
  private static void entries(
      Store store,
      List<JsonNode> manifests,
      String name,
      Optional<Platform> claimed,
      List<Platform> available,
      List<Image> out,
      int depth)
      throws LocalImageException {
    List<JsonNode> entries = new ArrayList<>();
    List<Platform> platforms = new ArrayList<>();
    for (JsonNode e : manifests) {
      JsonNode p = e.path("platform");
      if (p.isObject()
          && (p.path("os").asText("unknown").equals("unknown")
              || e.path("annotations").path("vnd.docker.reference.type").isTextual())) {
        continue; // attestations
      }
      entries.add(e);
      if (p.isObject()) {
        platforms.add(ImageConfigs.platformOf(p, "os", "architecture", "variant"));
      }
    }
    for (JsonNode e : entries) {
      JsonNode p = e.path("platform");
      Optional<Platform> c =
          p.isObject()
              ? Optional.of(ImageConfigs.platformOf(p, "os", "architecture", "variant"))
              : claimed;
      collect(store, e, name, c, platforms.isEmpty() ? available : platforms, out, depth);
    }
  }

  private static boolean matchesTag(String refName, String tag) {
    return refName.equals(tag) || refName.endsWith(":" + tag);
  }

  private static void collect(
      Store store,
      JsonNode descriptor,
      String name,
      Optional<Platform> claimed,
      List<Platform> available,
      List<Image> out,
      int depth)
      throws LocalImageException {
    String mediaType = descriptor.path("mediaType").asText("");
    JsonNode m = parse(verifiedBlob(store, descriptor), blobPath(descriptor));
    String type = m.path("mediaType").asText(mediaType);
    if (type.equals(INDEX_TYPES) || type.equals(DOCKER_LIST) || m.has("manifests")) {
      if (depth > 2) {
        throw new LocalImageException("indexes nested too deep");
      }
      List<JsonNode> entries = new ArrayList<>();
      m.path("manifests").forEach(entries::add);
      entries(store, entries, name, claimed, available, out, depth + 1);
      return;
    }
    JsonNode config = m.path("config");
    if (!config.isObject()) {
      return; // not an image manifest (an artifact)
    }
    String configPath = blobPath(config);
    byte[] configBytes = verifiedBlob(store, config);
    JsonNode root = parse(configBytes, configPath);
    if (!root.has("rootfs") && !root.has("config")) {
      return; // an attestation or other artifact
    }
    List<LayerFile> layers = new ArrayList<>();
    for (JsonNode l : m.path("layers")) {
      layers.add(new LayerFile(blobPath(l), Optional.of(l.path("digest").asText())));
    }
    out.add(
        new Image(
            name,
            claimed,
            ImageConfigs.platformOf(root, "os", "architecture", "variant"),
            available,
            ImageConfigs.fromJson(root.get("config")),
            "sha256:" + sha256(configBytes),
            layers));
  }

  /** The bytes of the blob {@code descriptor} names, which must have its digest. */
  private static byte[] verifiedBlob(Store store, JsonNode descriptor) throws LocalImageException {
    String path = blobPath(descriptor);
    byte[] bytes = bytes(store, path);
    String expected = descriptor.path("digest").asText();
    String actual = Digests.of(bytes, expected);
    if (!actual.equals(expected)) {
      throw new LocalImageException(path + " does not match its digest (got " + actual + ")");
    }
    return bytes;
  }

  private static String blobPath(JsonNode descriptor) throws LocalImageException {
    String digest = descriptor.path("digest").asText("");
    if (!Digests.valid(digest)) {
      throw new LocalImageException("names a malformed digest '" + digest + "'");
    }
    int colon = digest.indexOf(':');
    return "blobs/" + digest.substring(0, colon) + "/" + digest.substring(colon + 1);
  }

  // ------------------------------------------------------------------------ docker save

  private static List<Image> dockerSave(Store store, String name, Optional<String> tag)
      throws LocalImageException {
    JsonNode manifest = json(store, "manifest.json");
    List<Image> out = new ArrayList<>();
    for (JsonNode entry : manifest) {
      List<String> tags = new ArrayList<>();
      entry.path("RepoTags").forEach(t -> tags.add(t.asText()));
      if (tag.isPresent() && tags.stream().noneMatch(t -> matchesTag(t, tag.get()))) {
        continue;
      }
      String configPath = store.resolve(entry.path("Config").asText(""));
      byte[] configBytes = bytes(store, configPath);
      JsonNode root = parse(configBytes, configPath);
      List<LayerFile> layers = new ArrayList<>();
      for (JsonNode l : entry.path("Layers")) {
        layers.add(new LayerFile(store.resolve(l.asText()), Optional.empty()));
      }
      String shown =
          manifest.size() > 1 && tag.isEmpty() && !tags.isEmpty() ? name + ":" + tags.get(0) : name;
      out.add(
          new Image(
              shown,
              Optional.empty(),
              ImageConfigs.platformOf(root, "os", "architecture", "variant"),
              List.of(),
              ImageConfigs.fromJson(root.get("config")),
              "sha256:" + sha256(configBytes),
              layers));
    }
    return out;
  }

  // ------------------------------------------------------------------------------- helpers

  private static JsonNode json(Store store, String path) throws LocalImageException {
    return parse(bytes(store, path), path);
  }

  private static JsonNode parse(byte[] bytes, String path) throws LocalImageException {
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw new LocalImageException(path + " is not JSON", e);
    }
  }

  private static byte[] bytes(Store store, String path) throws LocalImageException {
    try (InputStream in = store.open(path)) {
      byte[] b = in.readNBytes(MAX_JSON_BYTES + 1);
      if (b.length > MAX_JSON_BYTES) {
        throw new LocalImageException(path + " is too large");
      }
      return b;
    } catch (NoSuchFileException e) {
      throw new LocalImageException("lacks " + path, e);
    } catch (IOException e) {
      throw new LocalImageException("cannot read " + path + ": " + message(e), e);
    }
  }

  private static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String message(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static void closeQuietly(Store store) {
    try {
      store.close();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot close " + store, e);
    }
  }

  // -------------------------------------------------------------------------------- stores

  /** Named files: of a directory, or entries of a tar archive. */
  private interface Store extends Closeable {
    boolean exists(String path);

    InputStream open(String path) throws IOException;

    /** The path a manifest names, after the archive's symlinks. */
    default String resolve(String path) {
      return path;
    }
  }

  private record DirStore(Path root) implements Store {
    @Override
    public boolean exists(String path) {
      return Files.isRegularFile(file(path));
    }

    @Override
    public InputStream open(String path) throws IOException {
      return Files.newInputStream(file(path));
    }

    private Path file(String path) {
      String clean = ImagePaths.clean("/" + path).substring(1);
      return root.resolve(clean);
    }

    @Override
    public void close() {}
  }

  private static final class TarStore implements Store {
    private final TarFile tar;
    private final Optional<Path> temporary;
    private final Map<String, TarArchiveEntry> entries = new HashMap<>();
    private final Map<String, String> links = new HashMap<>();

    private TarStore(TarFile tar, Optional<Path> temporary) {
      this.tar = tar;
      this.temporary = temporary;
      for (TarArchiveEntry e : tar.getEntries()) {
        String n = ImagePaths.clean("/" + e.getName()).substring(1);
        if (e.isSymbolicLink()) {
          String dir = n.contains("/") ? n.substring(0, n.lastIndexOf('/')) : "";
          links.put(n, ImagePaths.clean("/" + dir + "/" + e.getLinkName()).substring(1));
        } else if (e.isLink()) {
          links.put(n, ImagePaths.clean("/" + e.getLinkName()).substring(1));
        } else if (e.isFile()) {
          entries.put(n, e);
        }
      }
    }

    static TarStore open(Path file) throws LocalImageException {
      try {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
          head = in.readNBytes(4);
        }
        if (compressed(head)) {
          return decompressed(file);
        }
        return new TarStore(new TarFile(file), Optional.empty());
      } catch (NoSuchFileException e) {
        throw new LocalImageException("no such file", e);
      } catch (IOException e) {
        throw new LocalImageException("is not a readable tar archive: " + message(e), e);
      }
    }

    /** Starts as gzip ({@code docker save | gzip}), zstd, bzip2 or xz data does. */
    private static boolean compressed(byte[] head) {
      int b0 = head.length > 0 ? head[0] & 0xff : -1;
      int b1 = head.length > 1 ? head[1] & 0xff : -1;
      return (b0 == 0x1f && b1 == 0x8b)
          || (b0 == 0x28 && b1 == 0xb5)
          || (b0 == 'B' && b1 == 'Z')
          || (b0 == 0xfd && b1 == '7');
    }

    /**
     * A compressed archive, decompressed into a temporary file first (a tar archive is read out of
     * order: manifest, config, then layers), which {@link #close} deletes.
     */
    private static TarStore decompressed(Path file) throws IOException, LocalImageException {
      Path tmp = Files.createTempFile("dockerlint-archive-", ".tar");
      try {
        try (InputStream in =
                LayerReader.decompressor(
                    new BufferedInputStream(Files.newInputStream(file), 1 << 16), "the archive");
            OutputStream out = Files.newOutputStream(tmp)) {
          in.transferTo(out);
        }
        return new TarStore(new TarFile(tmp), Optional.of(tmp));
      } catch (LayerException e) {
        Files.deleteIfExists(tmp);
        throw new LocalImageException(
            e.getMessage().replace("layer the archive ", "") + "; decompress it first", e);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(tmp);
        throw new LocalImageException(
            "is compressed, and decompressing it failed: " + message(e), e);
      }
    }

    @Override
    public String resolve(String path) {
      String p = ImagePaths.clean("/" + path).substring(1);
      for (int i = 0; i < 8 && links.containsKey(p); i++) {
        p = links.get(p);
      }
      return p;
    }

    @Override
    public boolean exists(String path) {
      return entries.containsKey(resolve(path));
    }

    @Override
    public InputStream open(String path) throws IOException {
      TarArchiveEntry e = entries.get(resolve(path));
      if (e == null) {
        throw new NoSuchFileException(path);
      }
      return tar.getInputStream(e);
    }

    @Override
    public void close() throws IOException {
      try {
        tar.close();
      } finally {
        if (temporary.isPresent()) {
          Files.deleteIfExists(temporary.get());
        }
      }
    }

    @Override
    public String toString() {
      return "the archive";
    }
  }
}
