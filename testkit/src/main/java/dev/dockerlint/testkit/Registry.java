package dev.dockerlint.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client of a real registry (distribution v2 API) over plain HTTP on loopback, enough to push
 * blobs, image manifests and multi-platform indexes, and to read them back. It answers {@code 401}
 * challenges itself: {@code Basic} with its credentials, {@code Bearer} by fetching a token from
 * the challenge's realm with its credentials (the <a
 * href="https://distribution.github.io/distribution/spec/auth/token/">token flow</a>).
 */
public final class Registry {

  /** Accept header for reading any manifest or index. */
  public static final List<String> ALL_MANIFEST_TYPES =
      List.of(
          ManifestFormat.OCI.indexType(),
          ManifestFormat.OCI.manifestType(),
          ManifestFormat.DOCKER.indexType(),
          ManifestFormat.DOCKER.manifestType());

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Pattern CHALLENGE_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  private final String address;
  private final Optional<Credentials> credentials;
  private final HttpClient http;

  /**
   * A user name and password.
   *
   * @param user user name
   * @param password password
   */
  public record Credentials(String user, String password) {

    /** {@code Basic base64(user:password)}. */
    public String basicHeader() {
      return "Basic "
          + Base64.getEncoder()
              .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
      return "Credentials[user=" + user + ", password=***]";
    }
  }

  /**
   * An HTTP response, body read whole.
   *
   * @param status status code
   * @param headers header names in lower case, first value only
   * @param body the body
   */
  public record Response(int status, Map<String, String> headers, byte[] body) {

    /** The body as UTF-8 text. */
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as JSON. */
    public JsonNode json() {
      return Json.parse(body);
    }

    /** A header, by lower-case name. */
    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name));
    }
  }

  private Registry(String address, Optional<Credentials> credentials) {
    if (!address.matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
      throw new IllegalArgumentException("not host:port: " + address);
    }
    this.address = address;
    this.credentials = credentials;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** A registry at {@code host:port} used without credentials. */
  public static Registry anonymous(String address) {
    return new Registry(address, Optional.empty());
  }

  /** A registry at {@code host:port} that is answered with these credentials when it asks. */
  public static Registry withCredentials(String address, String user, String password) {
    return new Registry(address, Optional.of(new Credentials(user, password)));
  }

  /** {@code host:port}. */
  public String address() {
    return address;
  }

  /** The credentials, if any. */
  public Optional<Credentials> credentials() {
    return credentials;
  }

  /** The same registry without credentials. */
  public Registry anonymously() {
    return anonymous(address);
  }

  /** {@code host:port/repository:tag}, as {@code docker pull} takes it. */
  public String reference(String repository, String tag) {
    return address + "/" + repository + ":" + tag;
  }

  /** {@code host:port/repository@digest}. */
  public String reference(String repository, Digest digest) {
    return address + "/" + repository + "@" + digest;
  }

  /** Uploads {@code content} as a blob of {@code repository} unless the registry has it. */
  public Descriptor pushBlob(String repository, String mediaType, byte[] content) {
    Descriptor descriptor = Descriptor.of(mediaType, content);
    String blobPath = "/v2/" + repository + "/blobs/" + descriptor.digest();
    if (send(() -> request(blobPath).method("HEAD", HttpRequest.BodyPublishers.noBody())).status()
        == 200) {
      return descriptor;
    }
    Response start =
        expect(
            202,
            "start an upload to " + repository,
            send(
                () ->
                    request("/v2/" + repository + "/blobs/uploads/")
                        .POST(HttpRequest.BodyPublishers.noBody())));
    String location =
        start
            .header("location")
            .orElseThrow(() -> new IllegalStateException("upload without Location: " + start));
    URI upload = URI.create("http://" + address + "/").resolve(location);
    String separator = upload.getQuery() == null ? "?" : "&";
    URI put =
        URI.create(
            upload
                + separator
                + "digest="
                + URLEncoder.encode(descriptor.digest().toString(), StandardCharsets.UTF_8));
    expect(
        201,
        "upload " + descriptor.digest() + " to " + repository,
        send(
            () ->
                HttpRequest.newBuilder(put)
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/octet-stream")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(content))));
    return descriptor;
  }

  /**
   * Puts a manifest or index under {@code reference} (a tag or its digest).
   *
   * @return its descriptor
   * @throws IllegalStateException if the registry refuses it or reports another digest
   */
  public Descriptor pushManifest(
      String repository, String reference, String mediaType, byte[] manifest) {
    Descriptor descriptor = Descriptor.of(mediaType, manifest);
    Response response =
        expect(
            201,
            "put manifest " + repository + ":" + reference,
            send(
                () ->
                    request("/v2/" + repository + "/manifests/" + reference)
                        .header("Content-Type", mediaType)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest))));
    Optional<String> digest = response.header("docker-content-digest");
    if (digest.isPresent() && !digest.get().equals(descriptor.digest().toString())) {
      throw new IllegalStateException(
          "registry stored " + digest.get() + ", expected " + descriptor.digest());
    }
    return descriptor;
  }

  /**
   * Pushes the config, layers and manifest of {@code image} and tags the manifest.
   *
   * @return the manifest's descriptor, claiming the image's platform
   */
  public Descriptor pushImage(
      String repository, String tag, ImageTarball image, ManifestFormat format) {
    pushBlob(repository, format.configType(), image.config());
    for (Layer layer : image.layers()) {
      pushBlob(repository, format.layerType(), layer.gzip());
    }
    pushManifest(repository, tag, format.manifestType(), image.manifest(format));
    return image.manifestDescriptor(format);
  }

  /**
   * An entry of an index to push: an image and the platform its entry claims.
   *
   * @param image the image
   * @param platform what the index says the image runs on
   */
  public record IndexEntry(ImageTarball image, Platform platform) {

    /** An entry that claims the platform the image's config declares. */
    public static IndexEntry of(ImageTarball image) {
      return new IndexEntry(image, image.platform());
    }
  }

  /**
   * Pushes every image by digest, then an index of them under {@code tag}. Each entry claims the
   * platform given with it, so a test can make an entry disagree with its image.
   *
   * @return the index's descriptor
   */
  public Descriptor pushIndex(
      String repository, String tag, ManifestFormat format, List<IndexEntry> entries) {
    List<Descriptor> manifests = new ArrayList<>();
    for (IndexEntry entry : entries) {
      String digest = entry.image().manifestDescriptor(format).digest().toString();
      Descriptor manifest = pushImage(repository, digest, entry.image(), format);
      manifests.add(manifest.withPlatform(entry.platform()));
    }
    ImageIndex index = ImageIndex.of(format, manifests);
    return pushManifest(repository, tag, format.indexType(), index.json());
  }

  /**
   * Pushes an OCI image layout written by {@link ImageTarball#writeOciLayout}: every blob, and each
   * manifest of its {@code index.json} under {@code tag}.
   *
   * @return the descriptor of the last manifest of the layout's index
   */
  public Descriptor pushOciLayout(Path layout, String repository, String tag) {
    try {
      JsonNode index = Json.parse(Files.readAllBytes(layout.resolve("index.json")));
      Descriptor last = null;
      for (JsonNode entry : index.path("manifests")) {
        Digest digest = Digest.parse(entry.path("digest").asText());
        byte[] manifest = Files.readAllBytes(layout.resolve("blobs/sha256/" + digest.hex()));
        JsonNode parsed = Json.parse(manifest);
        List<JsonNode> blobs = new ArrayList<>();
        blobs.add(parsed.path("config"));
        parsed.path("layers").forEach(blobs::add);
        for (JsonNode blob : blobs) {
          Digest blobDigest = Digest.parse(blob.path("digest").asText());
          pushBlob(
              repository,
              blob.path("mediaType").asText(),
              Files.readAllBytes(layout.resolve("blobs/sha256/" + blobDigest.hex())));
        }
        last = pushManifest(repository, tag, entry.path("mediaType").asText(), manifest);
      }
      if (last == null) {
        throw new IllegalArgumentException(layout + "/index.json lists no manifest");
      }
      return last;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the OCI layout " + layout, e);
    }
  }

  /** {@code GET /v2/<repository>/manifests/<reference>} accepting every manifest type. */
  public Response getManifest(String repository, String reference) {
    return get("/v2/" + repository + "/manifests/" + reference, ALL_MANIFEST_TYPES);
  }

  /** A GET of {@code path} ({@code /v2/...}), answering auth challenges with the credentials. */
  public Response get(String path, List<String> accept) {
    return send(
        () -> {
          HttpRequest.Builder builder = request(path).GET();
          if (!accept.isEmpty()) {
            builder.header("Accept", String.join(", ", accept));
          }
          return builder;
        });
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://" + address + path)).timeout(TIMEOUT);
  }

  private static Response expect(int status, String what, Response response) {
    if (response.status() != status) {
      throw new IllegalStateException(
          "cannot "
              + what
              + ": HTTP "
              + response.status()
              + " (expected "
              + status
              + "): "
              + response.text());
    }
    return response;
  }

  /** Sends, and once more with authorization if the registry challenges. */
  private Response send(Supplier<HttpRequest.Builder> request) {
    Response first = exchange(request.get().build());
    if (first.status() != 401 || credentials.isEmpty()) {
      return first;
    }
    String challenge = first.header("www-authenticate").orElse("");
    Optional<String> authorization = authorization(challenge);
    if (authorization.isEmpty()) {
      return first;
    }
    return exchange(request.get().header("Authorization", authorization.get()).build());
  }

  private Optional<String> authorization(String challenge) {
    String scheme = challenge.split(" ", 2)[0];
    if (scheme.equalsIgnoreCase("Basic")) {
      return credentials.map(Credentials::basicHeader);
    }
    if (scheme.equalsIgnoreCase("Bearer")) {
      Map<String, String> params = new LinkedHashMap<>();
      Matcher m = CHALLENGE_PARAM.matcher(challenge);
      while (m.find()) {
        params.put(m.group(1), m.group(2));
      }
      return Optional.of("Bearer " + token(params));
    }
    return Optional.empty();
  }

  private String token(Map<String, String> challenge) {
    String realm = challenge.get("realm");
    if (realm == null) {
      throw new IllegalStateException("Bearer challenge without realm: " + challenge);
    }
    StringBuilder uri = new StringBuilder(realm);
    char separator = realm.contains("?") ? '&' : '?';
    for (String key : List.of("service", "scope")) {
      if (challenge.containsKey(key)) {
        uri.append(separator)
            .append(key)
            .append('=')
            .append(URLEncoder.encode(challenge.get(key), StandardCharsets.UTF_8));
        separator = '&';
      }
    }
    // no cache: a token lives 5 minutes, and one more request on loopback costs nothing
    HttpRequest.Builder get =
        HttpRequest.newBuilder(URI.create(uri.toString())).timeout(TIMEOUT).GET();
    credentials.ifPresent(c -> get.header("Authorization", c.basicHeader()));
    Response response = expect(200, "get a token from " + uri, exchange(get.build()));
    JsonNode json = response.json();
    String token = json.path("token").asText(json.path("access_token").asText(""));
    if (token.isEmpty()) {
      throw new IllegalStateException("token response without token: " + response.text());
    }
    return token;
  }

  private Response exchange(HttpRequest request) {
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      Map<String, String> headers = new LinkedHashMap<>();
      response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
      return new Response(response.statusCode(), Map.copyOf(headers), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + request.method() + " " + request.uri(), e);
    }
  }
}
