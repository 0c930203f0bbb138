package dev.dockerlint.image.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.dockerlint.image.Digests;
import dev.dockerlint.image.Lookup;
import dev.dockerlint.image.layer.LayerLimits;
import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.Platform;
import dev.dockerlint.testkit.Layer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry source against a registry that misbehaves: a loopback HTTP server started by the
 * test answers with wrong digests, truncated or oversized blobs, decompression bombs, entries
 * outside the root, hangs and trickles, redirects to other origins and untrusted certificates.
 * Every case must end in a one-line {@link Lookup.Unavailable}, in bounded time and memory.
 */
class HostileRegistryTest {
  private static final String REPO = "evil/image";
  private final List<HttpServer> servers = new CopyOnWriteArrayList<>();

  @TempDir Path tmp;

  @AfterEach
  void stop() {
    servers.forEach(s -> s.stop(0));
  }

  /** What the fake registry serves: path to handler. */
  private final Map<String, Handler> routes = new ConcurrentHashMap<>();

  @FunctionalInterface
  interface Handler {
    void handle(HttpExchange x) throws IOException;
  }

  private String start() throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    s.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(daemon()));
    s.createContext("/", this::dispatch);
    s.start();
    servers.add(s);
    return "127.0.0.1:" + s.getAddress().getPort();
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "hostile-registry");
      t.setDaemon(true);
      return t;
    };
  }

  private void dispatch(HttpExchange x) throws IOException {
    try (x) {
      String path = x.getRequestURI().getPath();
      Handler h = routes.get(path);
      if (path.equals("/v2/")) {
        send(x, 200, "{}".getBytes(StandardCharsets.UTF_8));
      } else if (h != null) {
        h.handle(x);
      } else {
        send(x, 404, "{\"errors\":[{\"code\":\"NOT_FOUND\"}]}".getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private static void send(HttpExchange x, int status, byte[] body) throws IOException {
    x.getResponseHeaders().add("Content-Type", "application/json");
    x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      x.getResponseBody().write(body);
    }
  }

  private static Handler serve(byte[] body) {
    return x -> send(x, 200, body);
  }

  private static byte[] json(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static final byte[] CONFIG =
      json("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Env\":[\"PATH=/bin\"]}}");

  /** Serves an image whose layer blob is {@code layer}, declared with {@code declaredSize}. */
  private void image(byte[] layer, long declaredSize, Handler layerHandler) {
    String configDigest = Digests.sha256(CONFIG);
    String layerDigest = Digests.sha256(layer);
    byte[] manifest =
        json(
            "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\","
                + "\"digest\":\""
                + configDigest
                + "\",\"size\":"
                + CONFIG.length
                + "},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\","
                + "\"digest\":\""
                + layerDigest
                + "\",\"size\":"
                + declaredSize
                + "}]}");
    routes.put("/v2/" + REPO + "/manifests/1", serve(manifest));
    routes.put("/v2/" + REPO + "/blobs/" + configDigest, serve(CONFIG));
    routes.put("/v2/" + REPO + "/blobs/" + layerDigest, layerHandler);
  }

  private static RegistrySource source(Duration lookup, Duration files, LayerLimits limits) {
    return new RegistrySource(
        RegistrySettings.defaults()
            .withCredentials(CredentialStore.none())
            .withLimits(limits)
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), lookup, files));
  }

  private static RegistrySource quickSource() {
    return source(Duration.ofSeconds(3), Duration.ofSeconds(5), LayerLimits.DEFAULT);
  }

  private static String unavailable(Lookup l) {
    assertThat(l).isInstanceOf(Lookup.Unavailable.class);
    String reason = ((Lookup.Unavailable) l).reason();
    assertThat(reason).doesNotContain("\n");
    return reason;
  }

  private static ImageRef ref(String host, String reference) {
    return ImageRef.parse(host + "/" + REPO + reference).orElseThrow();
  }

  private static byte[] smallLayer() {
    return Layer.builder().file("/bin/tool", "#!/bin/sh\n", 0755).build().gzip();
  }

  @Test
  void aManifestThatDoesNotMatchThePinnedDigestIsRefused() throws IOException {
    String host = start();
    String pinned = "sha256:" + "0".repeat(64);
    routes.put("/v2/" + REPO + "/manifests/" + pinned, serve(json("{\"schemaVersion\":2}")));
    String reason =
        unavailable(quickSource().lookup(ref(host, "@" + pinned), Platform.LINUX_AMD64, false));
    assertThat(reason).contains("does not match its digest");
  }

  @Test
  void aConfigBlobWithAnotherDigestIsRefused() throws IOException {
    String host = start();
    byte[] layer = smallLayer();
    image(layer, layer.length, serve(layer));
    routes.put(
        "/v2/" + REPO + "/blobs/" + Digests.sha256(CONFIG), serve(json("{\"os\":\"evil\"}")));
    String reason = unavailable(quickSource().lookup(ref(host, ":1"), Platform.LINUX_AMD64, false));
    assertThat(reason).contains("does not match its digest");
  }

  @Test
  void aLayerThatDoesNotMatchItsDigestIsRefused() throws IOException {
    String host = start();
    byte[] layer = smallLayer();
    byte[] other = Layer.builder().file("/bin/tool", "#!/bin/bash\n", 0755).build().gzip();
    image(layer, Math.max(layer.length, other.length), serve(other));
    String reason = unavailable(quickSource().lookup(ref(host, ":1"), Platform.LINUX_AMD64, true));
    assertThat(reason).contains("does not match its digest");
  }

  @Test
  void aTruncatedLayerIsReported() throws IOException {
    String host = start();
    byte[] layer = Layer.builder().file("/x", new byte[100_000], 0644).build().gzip();
    image(
        layer,
        layer.length,
        x -> {
          x.sendResponseHeaders(200, layer.length);
          x.getResponseBody().write(layer, 0, layer.length / 2);
          x.getResponseBody().flush();
          x.getHttpContext().getServer().stop(0);
        });
    String reason = unavailable(quickSource().lookup(ref(host, ":1"), Platform.LINUX_AMD64, true));
    assertThat(reason).containsAnyOf("truncated", "does not match", "cannot", "timed out");
  }

  @Test
  void aLayerLongerThanItsDescriptorIsCutOff() throws IOException {
    String host = start();
    byte[] layer = Layer.builder().file("/x", new byte[50_000], 0644).build().gzip();
    image(layer, 10, serve(layer));
    String reason = unavailable(quickSource().lookup(ref(host, ":1"), Platform.LINUX_AMD64, true));
    assertThat(reason).contains("longer than its descriptor");
  }

  @Test
  void aGzipBombIsStoppedWithoutExpandingIt() throws IOException {
    String host = start();
    byte[] bomb = bomb(512L << 20);
    image(bomb, bomb.length, serve(bomb));
    long t0 = System.nanoTime();
    String reason = unavailable(quickSource().lookup(ref(host, ":1"), Platform.LINUX_AMD64, true));
    assertThat(reason).contains("decompression bomb");
    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).isLessThan(5);
  }

  @Test
  void aLayerEntryOutsideTheRootIsRefused() throws IOException {
    String host = start();
    byte[] layer = tarGz("../../../../tmp/dockerlint-pwned", "x");
    image(layer, layer.length, serve(layer));
    String reason = unavailable(quickSource().lookup(ref(host, ":1"), Platform.LINUX_AMD64, true));
    assertThat(reason).contains("outside the image root");
    assertThat(Path.of("/tmp/dockerlint-pwned")).doesNotExist();
  }

  @Test
  void layersOverTheSizeCapAreNotDownloadedAtAll() throws IOException {
    String host = start();
    byte[] layer = smallLayer();
    AtomicInteger downloads = new AtomicInteger();
    image(
        layer,
        layer.length,
        x -> {
          downloads.incrementAndGet();
          send(x, 200, layer);
        });
    RegistrySource src =
        source(Duration.ofSeconds(3), Duration.ofSeconds(5), LayerLimits.of(layer.length - 1));
    String reason = unavailable(src.lookup(ref(host, ":1"), Platform.LINUX_AMD64, true));
    assertThat(reason).contains("--image-files-max-bytes");
    assertThat(downloads).hasValue(0);
  }

  @Test
  void aRegistryThatNeverAnswersTimesOut() throws IOException {
    String host = start();
    routes.put(
        "/v2/" + REPO + "/manifests/1",
        x -> {
          try {
            Thread.sleep(20_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    long t0 = System.nanoTime();
    String reason =
        unavailable(
            source(Duration.ofSeconds(2), Duration.ofSeconds(2), LayerLimits.DEFAULT)
                .lookup(ref(host, ":1"), Platform.LINUX_AMD64, false));
    assertThat(reason).contains("timed out");
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(4000);
  }

  @Test
  void aTricklingLayerIsCutOffAtTheDeadline() throws IOException {
    String host = start();
    byte[] layer = Layer.builder().file("/x", new byte[200_000], 0644).build().gzip();
    image(
        layer,
        layer.length,
        x -> {
          x.sendResponseHeaders(200, layer.length);
          OutputStream out = x.getResponseBody();
          try {
            for (int i = 0; i < layer.length; i++) {
              out.write(layer[i]);
              out.flush();
              Thread.sleep(200);
            }
          } catch (InterruptedException | IOException e) {
            Thread.currentThread().interrupt();
          }
        });
    long t0 = System.nanoTime();
    String reason =
        unavailable(
            source(Duration.ofSeconds(2), Duration.ofSeconds(3), LayerLimits.DEFAULT)
                .lookup(ref(host, ":1"), Platform.LINUX_AMD64, true));
    assertThat(reason).contains("timed out");
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(6000);
  }

  @Test
  void aMalformedDigestInAnIndexIsNeverUsedAsAPath() throws IOException {
    String host = start();
    routes.put(
        "/v2/" + REPO + "/manifests/1",
        serve(
            json(
                "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
                    + "\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                    + "\"digest\":\"sha256:../../../etc/passwd\",\"size\":1,"
                    + "\"platform\":{\"os\":\"linux\",\"architecture\":\"amd64\"}}]}")));
    String reason = unavailable(quickSource().lookup(ref(host, ":1"), Platform.LINUX_AMD64, false));
    assertThat(reason).contains("malformed digest");
  }

  @Test
  void anOversizedManifestIsRefused() throws IOException {
    String host = start();
    byte[] huge = new byte[5 << 20];
    java.util.Arrays.fill(huge, (byte) ' ');
    routes.put("/v2/" + REPO + "/manifests/1", serve(huge));
    String reason = unavailable(quickSource().lookup(ref(host, ":1"), Platform.LINUX_AMD64, false));
    assertThat(reason).contains("larger than");
  }

  @Test
  void credentialsAreNotSentToTheOriginARedirectLeadsTo() throws IOException {
    String host = start();
    List<String> seen = new CopyOnWriteArrayList<>();
    HttpServer cdn = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    servers.add(cdn);
    byte[] layer = smallLayer();
    cdn.createContext(
        "/",
        x -> {
          try (x) {
            seen.add(String.valueOf(x.getRequestHeaders().getFirst("Authorization")));
            send(x, 200, layer);
          }
        });
    cdn.start();
    String cdnUrl = "http://127.0.0.1:" + cdn.getAddress().getPort() + "/blob";
    image(
        layer,
        layer.length,
        x -> {
          x.getResponseHeaders().add("Location", cdnUrl);
          x.sendResponseHeaders(307, -1);
        });
    Handler manifest = routes.get("/v2/" + REPO + "/manifests/1");
    routes.put(
        "/v2/" + REPO + "/manifests/1",
        x -> {
          if (x.getRequestHeaders().getFirst("Authorization") == null) {
            x.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"evil\"");
            send(x, 401, new byte[0]);
          } else {
            manifest.handle(x);
          }
        });
    Path config = tmp.resolve("config.json");
    String auth =
        Base64.getEncoder().encodeToString("user:topsecret".getBytes(StandardCharsets.UTF_8));
    Files.writeString(config, "{\"auths\":{\"" + host + "\":{\"auth\":\"" + auth + "\"}}}");
    RegistrySource src =
        new RegistrySource(
            RegistrySettings.defaults().withCredentials(CredentialStore.fromConfigFile(config)));
    Lookup l = src.lookup(ref(host, ":1"), Platform.LINUX_AMD64, true);
    assertThat(l).isInstanceOf(Lookup.Found.class);
    assertThat(seen).containsExactly("null");
  }

  @Test
  void anUntrustedCertificateFailsUnlessTheRegistryIsNamedInsecure() throws Exception {
    Path ks = tmp.resolve("ks.p12");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "r",
                "-keyalg",
                "EC",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                ks.toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(ks)) {
      store.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, "changeit".toCharArray());
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    HttpsServer s = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    s.setHttpsConfigurator(new HttpsConfigurator(ctx));
    s.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(daemon()));
    s.createContext("/", this::dispatch);
    s.start();
    servers.add(s);
    String host = "127.0.0.1:" + s.getAddress().getPort();
    byte[] layer = smallLayer();
    image(layer, layer.length, serve(layer));
    String reason = unavailable(quickSource().lookup(ref(host, ":1"), Platform.LINUX_AMD64, false));
    assertThat(reason).contains("TLS").contains("--insecure-registry");
    RegistrySource insecure =
        new RegistrySource(
            RegistrySettings.defaults()
                .withCredentials(CredentialStore.none())
                .withInsecureRegistries(Set.of(host)));
    assertThat(insecure.lookup(ref(host, ":1"), Platform.LINUX_AMD64, true))
        .isInstanceOf(Lookup.Found.class);
  }

  private static byte[] bomb(long size) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      TarArchiveEntry e = new TarArchiveEntry("zeros");
      e.setSize(size);
      tar.putArchiveEntry(e);
      byte[] zeros = new byte[1 << 20];
      for (long w = 0; w < size; w += zeros.length) {
        tar.write(zeros);
      }
      tar.closeArchiveEntry();
    }
    return bytes.toByteArray();
  }

  private static byte[] tarGz(String name, String content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
      byte[] b = content.getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry e = new TarArchiveEntry(name, true);
      e.setSize(b.length);
      tar.putArchiveEntry(e);
      tar.write(b);
      tar.closeArchiveEntry();
    }
    return bytes.toByteArray();
  }
}
