package dev.dockerlint.image.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockerlint.image.Digests;
import dev.dockerlint.image.ImageConfigs;
import dev.dockerlint.image.ImageInfo;
import dev.dockerlint.image.Lookup;
import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.Platform;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.URLEncoder;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Image inspect over the engine's unix socket with the JDK alone: the one call a warm {@code
 * dockerlint image} run makes to the engine (to resolve the tag afresh), so that it does not load
 * the Docker client library. Only the plain case is handled (a {@code unix://} DOCKER_HOST or
 * explicit address, or none and no docker CLI context); otherwise, or on any I/O failure, callers
 * use {@link DockerEngineSource}.
 */
public final class EngineSocket {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_RESPONSE_BYTES = 1 << 20;

  private EngineSocket() {}

  /** The engine's socket, when the plain case applies and it exists. */
  public static Optional<Path> socket(DockerEngineSettings settings) {
    return plainAddress(settings)
        .filter(h -> h.startsWith("unix://"))
        .map(h -> Path.of(h.substring("unix://".length())))
        .filter(Files::exists);
  }

  /**
   * Inspects {@code ref} through {@code socket}: found (config and platform, no files), or
   * unavailable when the engine does not have it.
   *
   * @throws IOException when the engine cannot be asked this way (the caller falls back)
   */
  public static Lookup inspect(Path socket, ImageRef ref, Duration timeout) throws IOException {
    String name = engineName(ref);
    byte[] response =
        get(
            socket,
            "/images/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "/json",
            timeout);
    String text = new String(response, StandardCharsets.ISO_8859_1);
    int headerEnd = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/1.") || headerEnd < 0 || text.length() < 12) {
      throw new IOException("not an HTTP answer");
    }
    int status;
    try {
      status = Integer.parseInt(text.substring(9, 12));
    } catch (NumberFormatException e) {
      throw new IOException("not an HTTP status line", e);
    }
    if (status == 404) {
      return new Lookup.Unavailable(ref.familiar() + " is not in the Docker Engine's image store");
    }
    if (status != 200 || text.substring(0, headerEnd).toLowerCase().contains("chunked")) {
      throw new IOException("HTTP " + status);
    }
    JsonNode inspect = JSON.readTree(response, headerEnd + 4, response.length - headerEnd - 4);
    return info(ref, inspect);
  }

  /** The image an engine's inspect answer describes (without files). */
  static Lookup info(ImageRef ref, JsonNode inspect) {
    String id = inspect.path("Id").asText("");
    if (!Digests.valid(id)) {
      return new Lookup.Unavailable("the Docker Engine gave " + ref.familiar() + " a malformed ID");
    }
    Platform actual = ImageConfigs.platformOf(inspect, "Os", "Architecture", "Variant");
    return new Lookup.Found(
        new ImageInfo(
            ref,
            repoDigest(inspect, ref),
            actual,
            List.of(),
            ImageConfigs.fromJson(inspect.get("Config")),
            Optional.empty(),
            Optional.of(id)));
  }

  /** One HTTP/1.0 GET (the engine closes the connection after the answer, unchunked). */
  private static byte[] get(Path socket, String path, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        Selector selector = Selector.open()) {
      ch.connect(UnixDomainSocketAddress.of(socket));
      ch.write(
          ByteBuffer.wrap(
              ("GET " + path + " HTTP/1.0\r\nHost: docker\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII)));
      ch.configureBlocking(false);
      ch.register(selector, SelectionKey.OP_READ);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteBuffer buf = ByteBuffer.allocate(65536);
      while (true) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          throw new IOException("the Docker Engine did not answer within " + timeout);
        }
        selector.select(left);
        int n = ch.read(buf);
        if (n < 0) {
          return out.toByteArray();
        }
        out.write(buf.array(), 0, buf.position());
        buf.clear();
        if (out.size() > MAX_RESPONSE_BYTES) {
          throw new IOException("the Docker Engine's answer is too large");
        }
      }
    }
  }

  /**
   * The engine's address in the plain cases: explicit, DOCKER_HOST, or the default socket when
   * there is no DOCKER_HOST, no DOCKER_CONTEXT and no current context in the docker CLI's config;
   * empty when a context decides.
   */
  static Optional<String> plainAddress(DockerEngineSettings settings) {
    String host =
        settings
            .dockerHost()
            .orElseGet(() -> Optional.ofNullable(System.getenv("DOCKER_HOST")).orElse(""));
    if (host.isEmpty()) {
      String context = Optional.ofNullable(System.getenv("DOCKER_CONTEXT")).orElse("");
      if (!context.isEmpty() && !context.equals("default")) {
        return Optional.empty();
      }
      String current = currentContext();
      if (!current.isEmpty() && !current.equals("default")) {
        return Optional.empty();
      }
      host = "unix:///var/run/docker.sock";
    }
    return Optional.of(host);
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

  /** How the engine names {@code ref}: familiar, with the digest instead of the tag if any. */
  static String engineName(ImageRef ref) {
    return ref.digest().isPresent()
        ? nameWithoutTag(ref) + "@" + ref.digest().get()
        : ref.familiar();
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
  static Optional<String> repoDigest(JsonNode inspect, ImageRef ref) {
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
}
