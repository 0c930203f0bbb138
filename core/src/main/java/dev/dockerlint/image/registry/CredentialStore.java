package dev.dockerlint.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Registry credentials as the docker CLI keeps them in {@code $DOCKER_CONFIG/config.json} (default
 * {@code ~/.docker/config.json}): {@code credHelpers} per registry, then the {@code credsStore} for
 * all, then {@code auths} entries. Helpers are the {@code docker-credential-NAME} programs on PATH,
 * asked with {@code get}; Docker Hub's key is {@code https://index.docker.io/v1/}. Answers are
 * remembered for the life of the store; secrets are never written anywhere.
 */
public final class CredentialStore {
  /** Docker Hub's key in config.json and for credential helpers. */
  public static final String DOCKER_HUB_KEY = "https://index.docker.io/v1/";

  private static final Duration HELPER_TIMEOUT = Duration.ofSeconds(5);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Optional<JsonNode> config;
  private final Optional<Path> helperDirectory;
  private final Map<String, Optional<Credentials>> answers = new ConcurrentHashMap<>();

  private CredentialStore(Optional<JsonNode> config, Optional<Path> helperDirectory) {
    this.config = config;
    this.helperDirectory = helperDirectory;
  }

  /** No credentials at all. */
  public static CredentialStore none() {
    return new CredentialStore(Optional.empty(), Optional.empty());
  }

  /** The store of the docker CLI: {@code $DOCKER_CONFIG} or {@code ~/.docker}. */
  public static CredentialStore dockerDefault() {
    String dir = System.getenv("DOCKER_CONFIG");
    Path base =
        dir != null && !dir.isEmpty()
            ? Path.of(dir)
            : Path.of(System.getProperty("user.home"), ".docker");
    return fromConfigFile(base.resolve("config.json"));
  }

  /** The store of one config.json (no credentials if it is missing or unreadable). */
  public static CredentialStore fromConfigFile(Path configJson) {
    return fromConfigFile(configJson, Optional.empty());
  }

  /**
   * The store of one config.json whose credential helpers are looked for in {@code helperDirectory}
   * instead of on PATH.
   */
  public static CredentialStore fromConfigFile(Path configJson, Optional<Path> helperDirectory) {
    if (!Files.isRegularFile(configJson)) {
      return none();
    }
    try {
      return new CredentialStore(Optional.of(JSON.readTree(configJson.toFile())), helperDirectory);
    } catch (IOException e) {
      return none();
    }
  }

  /**
   * The credentials for a registry ({@code host[:port]} as in image references; {@code docker.io}
   * for Docker Hub), if any.
   */
  public Optional<Credentials> lookup(String registry) {
    return answers.computeIfAbsent(registry, this::find);
  }

  private Optional<Credentials> find(String registry) {
    if (config.isEmpty()) {
      return Optional.empty();
    }
    JsonNode c = config.get();
    String key = registry.equals("docker.io") ? DOCKER_HUB_KEY : registry;
    JsonNode helpers = c.path("credHelpers");
    Optional<String> helper = Optional.empty();
    for (Iterator<String> it = helpers.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (sameRegistry(k, registry)) {
        helper = Optional.of(helpers.get(k).asText());
      }
    }
    if (helper.isEmpty() && !c.path("credsStore").asText("").isEmpty()) {
      helper = Optional.of(c.path("credsStore").asText());
    }
    if (helper.isPresent()) {
      Optional<Credentials> fromHelper = fromHelper(helper.get(), key);
      if (fromHelper.isPresent()) {
        return fromHelper;
      }
    }
    JsonNode auths = c.path("auths");
    for (Iterator<String> it = auths.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (sameRegistry(k, registry)) {
        return fromAuthEntry(auths.get(k));
      }
    }
    return Optional.empty();
  }

  /** {@code https://host:port/v1/}, {@code http://host}, {@code host} all name {@code host}. */
  static boolean sameRegistry(String configKey, String registry) {
    String k = configKey;
    int scheme = k.indexOf("://");
    if (scheme >= 0) {
      k = k.substring(scheme + 3);
    }
    int slash = k.indexOf('/');
    if (slash >= 0) {
      k = k.substring(0, slash);
    }
    if (registry.equals("docker.io")) {
      return k.equals("index.docker.io")
          || k.equals("docker.io")
          || k.equals("registry-1.docker.io");
    }
    return k.equalsIgnoreCase(registry);
  }

  private static Optional<Credentials> fromAuthEntry(JsonNode entry) {
    String auth = entry.path("auth").asText("");
    if (!auth.isEmpty()) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      int colon = decoded.indexOf(':');
      if (colon > 0) {
        return Optional.of(
            new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
      }
    }
    String user = entry.path("username").asText("");
    String password = entry.path("password").asText("");
    if (!user.isEmpty() && !password.isEmpty()) {
      return Optional.of(new Credentials(user, password));
    }
    return Optional.empty();
  }

  /** Asks {@code docker-credential-NAME get}; empty when it fails or knows nothing. */
  private Optional<Credentials> fromHelper(String name, String serverUrl) {
    if (!name.matches("[A-Za-z0-9._-]+")) {
      return Optional.empty();
    }
    Process p;
    try {
      p =
          new ProcessBuilder(
                  helperDirectory
                      .map(dir -> dir.resolve("docker-credential-" + name).toString())
                      .orElse("docker-credential-" + name),
                  "get")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      return Optional.empty();
    }
    try {
      try (OutputStream stdin = p.getOutputStream()) {
        stdin.write(serverUrl.getBytes(StandardCharsets.UTF_8));
      }
      // the answer is small enough for the pipe, so waiting before reading cannot deadlock
      if (!p.waitFor(HELPER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
        return Optional.empty();
      }
      byte[] out;
      try (InputStream stdout = p.getInputStream()) {
        out = stdout.readNBytes(64 * 1024);
      }
      JsonNode answer = JSON.readTree(out);
      String user = answer.path("Username").asText("");
      String secret = answer.path("Secret").asText("");
      if (secret.isEmpty() || user.equals("<token>")) {
        return Optional.empty();
      }
      return Optional.of(new Credentials(user, secret));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      p.destroyForcibly();
    }
  }
}
