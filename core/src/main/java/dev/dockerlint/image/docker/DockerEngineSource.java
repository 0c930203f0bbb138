package dev.dockerlint.image.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.dockerlint.image.Deadline;
import dev.dockerlint.image.Digests;
import dev.dockerlint.image.ImageConfigs;
import dev.dockerlint.image.ImageInfo;
import dev.dockerlint.image.ImageMetadataSource;
import dev.dockerlint.image.Lookup;
import dev.dockerlint.image.layer.FilesystemBuilder;
import dev.dockerlint.image.layer.LayerChanges;
import dev.dockerlint.image.layer.LayerException;
import dev.dockerlint.image.layer.LayerReader;
import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.Platform;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Image facts from a Docker Engine, through docker-java's client configuration (DOCKER_HOST, the
 * docker CLI's current context and config, DOCKER_TLS_VERIFY/DOCKER_CERT_PATH; unix socket or tcp
 * with TLS) and its zero-dependency transport. {@code GET /images/NAME/json} gives config and
 * platform; the file index comes from streaming {@code docker save} ({@code GET /images/get}):
 * layers are indexed as they pass, never written to disk or held in memory, and applied in the
 * order the archive's {@code manifest.json} (which comes last) gives.
 *
 * <p>An image missing from the engine is {@link Lookup.Unavailable} (a build would pull it), not
 * {@link Lookup.NotFound}. A local image whose platform differs from the one asked for is still
 * {@link Lookup.Found}: that is what {@code docker run} would start.
 */
public final class DockerEngineSource implements ImageMetadataSource, AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_JSON_BYTES = 1 << 20;
  private static final int MAX_SMALL_FILE = 1 << 20;

  private final URI host;
  private final DockerHttpClient client;
  private final Platform platform;
  private final DockerEngineSettings settings;

  private DockerEngineSource(
      URI host, DockerHttpClient client, Platform platform, DockerEngineSettings settings) {
    this.host = host;
    this.client = client;
    this.platform = platform;
    this.settings = settings;
  }

  /** The result of looking for an engine: a source, or why there is none. */
  public sealed interface Connection {
    /** An engine answered. */
    record Connected(DockerEngineSource source) implements Connection {}

    /** No engine answered; {@code reason} says where we looked and what happened. */
    record NoEngine(String reason) implements Connection {}
  }

  /**
   * Finds the engine the docker CLI would use and asks its version, giving up after {@link
   * DockerEngineSettings#probeTimeout()} (about a second), so linting never waits long for a daemon
   * that is not there.
   */
  public static Connection connect(DockerEngineSettings settings) {
    Optional<String> missing = missingSocket(settings);
    if (missing.isPresent()) {
      return new Connection.NoEngine(missing.get());
    }
    DockerClientConfig config;
    try {
      DefaultDockerClientConfig.Builder b = DefaultDockerClientConfig.createDefaultConfigBuilder();
      settings.dockerHost().ifPresent(b::withDockerHost);
      config = b.build();
    } catch (RuntimeException e) {
      return new Connection.NoEngine("cannot read the Docker client configuration: " + oneLine(e));
    }
    URI host = config.getDockerHost();
    DockerHttpClient client;
    try {
      client =
          new ZerodepDockerHttpClient.Builder()
              .dockerHost(host)
              .sslConfig(config.getSSLConfig())
              .connectionTimeout(settings.probeTimeout())
              .responseTimeout(settings.readTimeout())
              .maxConnections(8)
              .build();
    } catch (RuntimeException e) {
      return new Connection.NoEngine("cannot reach a Docker Engine at " + host + ": " + oneLine(e));
    }
    ExecutorService probe =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "dockerlint-engine-probe");
              t.setDaemon(true);
              return t;
            });
    try {
      Future<JsonNode> version = probe.submit(() -> getJson(client, "/version"));
      JsonNode v = version.get(settings.probeTimeout().toMillis(), TimeUnit.MILLISECONDS);
      Platform p =
          new Platform(
              v.path("Os").asText("linux"), v.path("Arch").asText("amd64"), Optional.empty());
      return new Connection.Connected(new DockerEngineSource(host, client, p, settings));
    } catch (TimeoutException e) {
      closeQuietly(client);
      return new Connection.NoEngine(
          "no Docker Engine answered at "
              + host
              + " within "
              + settings.probeTimeout().toMillis()
              + " ms");
    } catch (ExecutionException e) {
      closeQuietly(client);
      return new Connection.NoEngine("no Docker Engine at " + host + ": " + oneLine(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(client);
      return new Connection.NoEngine("interrupted while looking for a Docker Engine");
    } finally {
      probe.shutdownNow();
    }
  }

  /**
   * When the engine would be a unix socket that does not exist, says so without loading the Docker
   * client at all (that costs more than the answer is worth on machines without Docker). Only the
   * plain cases are decided here: an explicit or DOCKER_HOST {@code unix://} address, or no
   * DOCKER_HOST, no DOCKER_CONTEXT and no current context in the docker CLI's config.
   */
  static Optional<String> missingSocket(DockerEngineSettings settings) {
    String host =
        settings
            .dockerHost()
            .orElseGet(() -> Optional.ofNullable(System.getenv("DOCKER_HOST")).orElse(""));
    if (host.isEmpty()) {
      String context = Optional.ofNullable(System.getenv("DOCKER_CONTEXT")).orElse("");
      if (!context.isEmpty() && !context.equals("default")) {
        return Optional.empty();
      }
      if (!currentContext().isEmpty() && !currentContext().equals("default")) {
        return Optional.empty();
      }
      host = "unix:///var/run/docker.sock";
    }
    if (host.startsWith("unix://")) {
      java.nio.file.Path socket = java.nio.file.Path.of(host.substring("unix://".length()));
      if (!java.nio.file.Files.exists(socket)) {
        return Optional.of("no Docker Engine at " + host + " (no such socket)");
      }
    }
    return Optional.empty();
  }

  private static String currentContext() {
    String dir = System.getenv("DOCKER_CONFIG");
    java.nio.file.Path config =
        (dir != null && !dir.isEmpty()
                ? java.nio.file.Path.of(dir)
                : java.nio.file.Path.of(System.getProperty("user.home"), ".docker"))
            .resolve("config.json");
    if (!java.nio.file.Files.isRegularFile(config)) {
      return "";
    }
    try {
      return JSON.readTree(config.toFile()).path("currentContext").asText("");
    } catch (IOException e) {
      return "unreadable";
    }
  }

  /** The engine's platform ({@code docker version}'s Os/Arch). */
  public Platform platform() {
    return platform;
  }

  /** Where the engine answers. */
  public URI host() {
    return host;
  }

  @Override
  public Lookup lookup(ImageRef ref, Platform wanted, boolean withFiles) {
    Deadline d = Deadline.after(withFiles ? settings.filesTimeout() : settings.lookupTimeout());
    String name =
        ref.digest().isPresent() ? nameWithoutTag(ref) + "@" + ref.digest().get() : ref.familiar();
    JsonNode inspect;
    try (DockerHttpClient.Response r = get("/images/" + name + "/json")) {
      if (r.getStatusCode() == 404) {
        return new Lookup.Unavailable(
            ref.familiar() + " is not in the Docker Engine's image store");
      }
      if (r.getStatusCode() != 200) {
        return new Lookup.Unavailable(
            "the Docker Engine answered HTTP " + r.getStatusCode() + " for " + ref.familiar());
      }
      inspect = JSON.readTree(d.guard(r.getBody()).readNBytes(MAX_JSON_BYTES));
    } catch (IOException | RuntimeException e) {
      return new Lookup.Unavailable(
          "the Docker Engine at "
              + host
              + " failed to inspect "
              + ref.familiar()
              + ": "
              + oneLine(e));
    }
    String id = inspect.path("Id").asText("");
    if (!Digests.valid(id)) {
      return new Lookup.Unavailable("the Docker Engine gave " + ref.familiar() + " a malformed ID");
    }
    Platform actual = ImageConfigs.platformOf(inspect, "Os", "Architecture", "Variant");
    ImageInfo info =
        new ImageInfo(
            ref,
            repoDigest(inspect, ref),
            actual,
            List.of(),
            ImageConfigs.fromJson(inspect.get("Config")),
            Optional.empty(),
            Optional.of(id));
    if (!withFiles) {
      return new Lookup.Found(info);
    }
    long size = inspect.path("Size").asLong(0);
    if (size > settings.limits().maxBytes()) {
      return new Lookup.Unavailable(
          ref.familiar()
              + ": its layers are "
              + size
              + " bytes, more than the limit of "
              + settings.limits().maxBytes()
              + " (--image-files-max-bytes)");
    }
    try {
      return new Lookup.Found(info.withFiles(save(id, d).build()));
    } catch (LayerException e) {
      return new Lookup.Unavailable(ref.familiar() + ": " + e.getMessage());
    }
  }

  private static String nameWithoutTag(ImageRef ref) {
    String f = ref.familiar();
    int at = f.indexOf('@');
    String noDigest = at >= 0 ? f.substring(0, at) : f;
    return ref.tag().isPresent()
        ? noDigest.substring(0, noDigest.length() - ref.tag().get().length() - 1)
        : noDigest;
  }

  /** The digest from RepoDigests for this reference's repository, if the image was pulled. */
  private static Optional<String> repoDigest(JsonNode inspect, ImageRef ref) {
    String repo = nameWithoutTag(ref);
    for (JsonNode d : inspect.path("RepoDigests")) {
      String s = d.asText("");
      int at = s.indexOf('@');
      if (at > 0 && s.substring(0, at).equals(repo) && Digests.valid(s.substring(at + 1))) {
        return Optional.of(s.substring(at + 1));
      }
    }
    return ref.digest();
  }

  /** Streams {@code docker save ID} into the image's filesystem. */
  private FilesystemBuilder save(String id, Deadline d) throws LayerException {
    LayerReader reader = new LayerReader(settings.limits());
    Map<String, LayerChanges> layers = new HashMap<>();
    Map<String, String> aliases = new HashMap<>();
    Map<String, byte[]> small = new HashMap<>();
    try (DockerHttpClient.Response r =
        get("/images/get?names=" + URLEncoder.encode(id, StandardCharsets.UTF_8))) {
      if (r.getStatusCode() != 200) {
        throw new LayerException(
            "the Docker Engine answered HTTP " + r.getStatusCode() + " to save");
      }
      @SuppressWarnings("deprecation")
      TarArchiveInputStream tar = new TarArchiveInputStream(d.guard(r.getBody()), 10240, 512);
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        d.check();
        String name = e.getName();
        if (e.isSymbolicLink() || e.isLink()) {
          aliases.put(name, resolveAlias(name, e.getLinkName(), e.isSymbolicLink()));
          continue;
        }
        if (!e.isFile()) {
          continue;
        }
        BufferedInputStream in = new BufferedInputStream(unclosable(tar), 1024);
        if (looksLikeLayer(in)) {
          layers.put(name, reader.read(in, name));
        } else if (e.getSize() <= MAX_SMALL_FILE) {
          small.put(name, in.readNBytes(MAX_SMALL_FILE));
        }
      }
    } catch (InterruptedIOException e) {
      throw new LayerException("docker save timed out after " + d.total().toSeconds() + " s", e);
    } catch (IOException | UncheckedIOException e) {
      throw new LayerException("docker save failed: " + oneLine(e), e);
    }
    byte[] manifest = small.get("manifest.json");
    if (manifest == null) {
      throw new LayerException("docker save gave an archive without manifest.json");
    }
    JsonNode entries;
    try {
      entries = JSON.readTree(manifest);
    } catch (IOException e) {
      throw new LayerException("docker save gave a malformed manifest.json", e);
    }
    FilesystemBuilder fs = new FilesystemBuilder(settings.limits().maxEntries());
    for (JsonNode layer : entries.path(0).path("Layers")) {
      String path = layer.asText();
      String target = aliases.getOrDefault(path, path);
      LayerChanges changes = layers.get(target);
      if (changes == null) {
        throw new LayerException("docker save's manifest names a missing layer " + path);
      }
      fs.apply(changes);
    }
    return fs;
  }

  private static String resolveAlias(String name, String link, boolean symbolic) {
    if (!symbolic) {
      return link;
    }
    int slash = name.lastIndexOf('/');
    String dir = slash >= 0 ? name.substring(0, slash) : "";
    String joined = dir.isEmpty() ? link : dir + "/" + link;
    return dev.dockerlint.image.ImagePaths.clean(joined).substring(1);
  }

  /** A tar (plain, gzip or zstd) rather than JSON: by the ustar magic or a compression magic. */
  private static boolean looksLikeLayer(BufferedInputStream in) throws IOException {
    in.mark(512);
    byte[] head = in.readNBytes(512);
    in.reset();
    if (head.length >= 4
        && (((head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b)
            || ((head[0] & 0xff) == 0x28 && (head[1] & 0xff) == 0xb5))) {
      return true;
    }
    if (head.length == 512) {
      String magic = new String(head, 257, 5, StandardCharsets.US_ASCII);
      return magic.equals("ustar");
    }
    return head.length == 0;
  }

  private static InputStream unclosable(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public void close() {
        // the tar entry stream belongs to the archive
      }
    };
  }

  private DockerHttpClient.Response get(String path) {
    return client.execute(
        new DockerHttpClient.Request.Builder()
            .method(DockerHttpClient.Request.Method.GET)
            .path(path)
            .build());
  }

  private static JsonNode getJson(DockerHttpClient client, String path) throws IOException {
    try (DockerHttpClient.Response r =
        client.execute(
            new DockerHttpClient.Request.Builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path(path)
                .build())) {
      if (r.getStatusCode() != 200) {
        throw new IOException("HTTP " + r.getStatusCode() + " for " + path);
      }
      return JSON.readTree(r.getBody().readNBytes(MAX_JSON_BYTES));
    }
  }

  private static void closeQuietly(DockerHttpClient client) {
    try {
      client.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the Docker Engine client", e);
    }
  }

  static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String t = m.replaceAll("[\\r\\n\\t]+", " ").strip();
    return t.length() > 200 ? t.substring(0, 200) + "..." : t;
  }

  @Override
  public void close() {
    closeQuietly(client);
  }
}
