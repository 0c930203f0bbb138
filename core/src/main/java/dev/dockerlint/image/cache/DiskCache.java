package dev.dockerlint.image.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockerlint.image.Digests;
import dev.dockerlint.image.FileIndex;
import dev.dockerlint.image.ImageConfig;
import dev.dockerlint.image.ImageConfigs;
import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.Platform;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Image facts on disk, under {@code $XDG_CACHE_HOME/dockerlint} (default {@code
 * ~/.cache/dockerlint}), so reruns in CI and the editor need neither engine nor network.
 *
 * <ul>
 *   <li>{@code refs/}: what a reference means for a platform (digest, image ID, platforms of the
 *       index, or "no such platform"). Answers for tags expire after the TTL; answers for digest
 *       references never do.
 *   <li>{@code configs/ID.json} and {@code files/ID.idx}: the config and file index of an image,
 *       content-addressed by its image ID (the config digest), so they never expire.
 * </ul>
 *
 * Only facts are written, never credentials or layer data. Files are written to a temporary name
 * and moved into place, so readers never see half a file; a file that cannot be read is a miss.
 */
public final class DiskCache {
  /**
   * Created on first use, not with the class: the default directory, which every command asks for
   * while it reads its options, needs no JSON, and Jackson's set-up takes tens of milliseconds.
   */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private static final String VERSION = "images-v2";

  private final Path root;
  private final Duration tagTtl;
  private final Clock clock;

  public DiskCache(Path directory, Duration tagTtl, Clock clock) {
    this.root = directory.resolve(VERSION);
    this.tagTtl = tagTtl;
    this.clock = clock;
  }

  /** {@code $XDG_CACHE_HOME/dockerlint}, or {@code ~/.cache/dockerlint}. */
  public static Path defaultDirectory() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("dockerlint");
  }

  /** The directory this cache writes in. */
  public Path root() {
    return root;
  }

  /**
   * What a reference resolved to for a platform.
   *
   * @param digest the digest the reference resolved to, if known
   * @param imageId the config digest, empty for a "not found" answer
   * @param platform the image's own platform
   * @param availablePlatforms the platforms of its index
   * @param notFound why the platform does not exist, for a negative answer
   * @param fetched when the answer was fetched
   */
  public record RefEntry(
      Optional<String> digest,
      Optional<String> imageId,
      Optional<Platform> platform,
      List<Platform> availablePlatforms,
      Optional<String> notFound,
      Instant fetched) {}

  /** The cached answer for {@code ref} and {@code platform}, if any ({@link #fresh} or not). */
  public Optional<RefEntry> ref(ImageRef ref, Platform platform) {
    Optional<byte[]> bytes = readFile(refFile(ref, platform));
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    try {
      JsonNode n = Json.MAPPER.readTree(bytes.get());
      if (!n.path("ref").asText().equals(ref.canonical())
          || !n.path("forPlatform").asText().equals(platform.toString())) {
        return Optional.empty();
      }
      Optional<String> digest = validDigest(n.path("digest").asText(""));
      Optional<String> id = validDigest(n.path("imageId").asText(""));
      List<Platform> available = new ArrayList<>();
      for (JsonNode p : n.path("availablePlatforms")) {
        Platform.parse(p.asText()).ifPresent(available::add);
      }
      Optional<String> notFound =
          n.hasNonNull("notFound") ? Optional.of(n.get("notFound").asText()) : Optional.empty();
      if (notFound.isEmpty() && id.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new RefEntry(
              digest,
              id,
              Platform.parse(n.path("platform").asText("")),
              available,
              notFound,
              Instant.ofEpochMilli(n.path("fetched").asLong(0))));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether a cached answer for {@code ref} may still be used without asking again: always for a
   * digest reference; within the TTL for a tag; within {@link #LOCAL_TTL} (at most) for an image
   * that only a Docker Engine has (no registry digest), since local builds retag often.
   */
  public boolean fresh(ImageRef ref, RefEntry e) {
    if (ref.digest().isPresent()) {
      return true;
    }
    Duration ttl =
        e.digest().isEmpty() && e.notFound().isEmpty()
            ? (tagTtl.compareTo(LOCAL_TTL) < 0 ? tagTtl : LOCAL_TTL)
            : tagTtl;
    return e.fetched().plus(ttl).isAfter(clock.instant());
  }

  /** The longest time an answer about an engine-only image is trusted. */
  public static final Duration LOCAL_TTL = Duration.ofMinutes(5);

  public void putRef(ImageRef ref, Platform forPlatform, RefEntry e) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("ref", ref.canonical());
    n.put("forPlatform", forPlatform.toString());
    e.digest().ifPresent(d -> n.put("digest", d));
    e.imageId().ifPresent(d -> n.put("imageId", d));
    e.platform().ifPresent(p -> n.put("platform", p.toString()));
    ArrayNode a = n.putArray("availablePlatforms");
    e.availablePlatforms().forEach(p -> a.add(p.toString()));
    e.notFound().ifPresent(r -> n.put("notFound", r));
    n.put("fetched", e.fetched().toEpochMilli());
    writeFile(refFile(ref, forPlatform), out -> out.write(Json.MAPPER.writeValueAsBytes(n)), false);
  }

  /** The config of an image and the platform its config declares. */
  public record ConfigEntry(Platform platform, ImageConfig config) {}

  public Optional<ConfigEntry> config(String imageId) {
    if (!Digests.valid(imageId)) {
      return Optional.empty();
    }
    Optional<byte[]> bytes = readFile(root.resolve("configs").resolve(name(imageId, ".json")));
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    try {
      JsonNode n = Json.MAPPER.readTree(bytes.get());
      Optional<Platform> p = Platform.parse(n.path("platform").asText(""));
      if (p.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new ConfigEntry(p.get(), ImageConfigs.fromJson(n.get("config"))));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  public void putConfig(String imageId, Platform platform, ImageConfig c) {
    if (!Digests.valid(imageId)) {
      return;
    }
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("platform", platform.toString());
    ObjectNode cfg = n.putObject("config");
    ArrayNode env = cfg.putArray("Env");
    c.env().forEach(env::add);
    c.entrypoint().ifPresent(l -> l.forEach(cfg.putArray("Entrypoint")::add));
    c.cmd().ifPresent(l -> l.forEach(cfg.putArray("Cmd")::add));
    c.shell().ifPresent(l -> l.forEach(cfg.putArray("Shell")::add));
    c.user().ifPresent(u -> cfg.put("User", u));
    c.workingDir().ifPresent(w -> cfg.put("WorkingDir", w));
    ObjectNode labels = cfg.putObject("Labels");
    c.labels().forEach(labels::put);
    c.healthcheck().ifPresent(h -> h.forEach(cfg.putObject("Healthcheck").putArray("Test")::add));
    writeFile(
        root.resolve("configs").resolve(name(imageId, ".json")),
        out -> out.write(Json.MAPPER.writeValueAsBytes(n)),
        false);
  }

  public Optional<FileIndex> files(String imageId) {
    if (!Digests.valid(imageId)) {
      return Optional.empty();
    }
    Path file = root.resolve("files").resolve(name(imageId, ".idx"));
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (InputStream in =
        new InflaterInputStream(Files.newInputStream(file), new Inflater(), 65536)) {
      byte[] data = in.readNBytes(MAX_INDEX_BYTES + 1);
      if (data.length > MAX_INDEX_BYTES) {
        throw new IOException("cached file index larger than " + MAX_INDEX_BYTES + " bytes");
      }
      return Optional.of(FileIndexCodec.read(data));
    } catch (IOException | RuntimeException e) {
      deleteQuietly(file);
      return Optional.empty();
    }
  }

  /** The largest cached file index read (expanded). */
  private static final int MAX_INDEX_BYTES = 512 << 20;

  public void putFiles(String imageId, FileIndex index) {
    if (!Digests.valid(imageId)) {
      return;
    }
    writeFile(
        root.resolve("files").resolve(name(imageId, ".idx")),
        out -> {
          DataOutputStream data =
              new DataOutputStream(
                  new BufferedOutputStream(
                      new DeflaterOutputStream(
                          out, new java.util.zip.Deflater(java.util.zip.Deflater.BEST_SPEED)),
                      65536));
          FileIndexCodec.write(index, data);
          data.flush();
          data.close();
        },
        true);
  }

  /** How long the platform of a Docker Engine is remembered. */
  public static final Duration ENGINE_TTL = Duration.ofMinutes(10);

  /**
   * The platform of the Docker Engine found under {@code key} (the engine's address as the
   * environment and the docker CLI's config name it) within {@link #ENGINE_TTL}; an empty platform
   * means no engine answered there (remembered for a minute only).
   */
  public Optional<Optional<Platform>> enginePlatform(String key) {
    Optional<byte[]> bytes = readFile(engineFile(key));
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    try {
      JsonNode n = Json.MAPPER.readTree(bytes.get());
      if (!n.path("key").asText().equals(key)) {
        return Optional.empty();
      }
      Optional<Platform> p = Platform.parse(n.path("platform").asText(""));
      Duration ttl = p.isPresent() ? ENGINE_TTL : Duration.ofMinutes(1);
      Instant fetched = Instant.ofEpochMilli(n.path("fetched").asLong(0));
      if (!fetched.plus(ttl).isAfter(clock.instant()) || fetched.isAfter(clock.instant())) {
        return Optional.empty();
      }
      return Optional.of(p);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  public void putEnginePlatform(String key, Optional<Platform> platform) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("key", key);
    platform.ifPresent(p -> n.put("platform", p.toString()));
    n.put("fetched", clock.instant().toEpochMilli());
    writeFile(engineFile(key), out -> out.write(Json.MAPPER.writeValueAsBytes(n)), false);
  }

  private Path engineFile(String key) {
    return root.resolve("engines")
        .resolve(Digests.hex(Digests.sha256(key.getBytes(StandardCharsets.UTF_8))) + ".json");
  }

  private Path refFile(ImageRef ref, Platform platform) {
    String key = ref.canonical() + " " + platform;
    return root.resolve("refs")
        .resolve(Digests.hex(Digests.sha256(key.getBytes(StandardCharsets.UTF_8))) + ".json");
  }

  private static String name(String digest, String suffix) {
    return digest.replace(':', '-') + suffix;
  }

  private static Optional<String> validDigest(String d) {
    return Digests.valid(d) ? Optional.of(d) : Optional.empty();
  }

  private static Optional<byte[]> readFile(Path file) {
    try {
      return Optional.of(Files.readAllBytes(file));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Writes what {@code body} produces. */
  @FunctionalInterface
  private interface Body {
    void write(OutputStream out) throws IOException;
  }

  /**
   * Writes a file atomically. A cache that cannot be written (read-only home, full disk) is not an
   * error: the lookup still answers; the next run asks again.
   */
  private void writeFile(Path file, Body body, boolean large) {
    Path dir = file.getParent();
    Path tmp = null;
    try {
      createPrivateDirectories(dir);
      tmp = Files.createTempFile(dir, ".tmp-", large ? ".idx" : ".json");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        body.write(out);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      CacheWarnings.report("cannot write the image cache at " + dir + ": " + e.getMessage());
    } finally {
      if (tmp != null) {
        deleteQuietly(tmp);
      }
    }
  }

  private void createPrivateDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Path top = root.getParent();
    for (Path p : List.of(top, root, dir)) {
      if (!Files.isDirectory(p)) {
        try {
          Files.createDirectories(
              p,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
          Files.createDirectories(p);
        } catch (FileAlreadyExistsException e) {
          if (!Files.isDirectory(p)) {
            throw e;
          }
        }
      }
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      CacheWarnings.report("cannot delete " + p + ": " + e.getMessage());
    }
  }
}
