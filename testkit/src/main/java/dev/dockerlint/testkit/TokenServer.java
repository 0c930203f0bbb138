package dev.dockerlint.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A token server for a registry with {@code auth: token} (the <a
 * href="https://distribution.github.io/distribution/spec/auth/token/">Docker registry token
 * flow</a>): {@code GET /token?service=...&scope=repository:name:pull,push} with basic auth answers
 * a JWT, signed RS256 with a key whose self-signed certificate the registry trusts ({@code
 * rootcertbundle}) and carried in the {@code x5c} header. The configured user gets every action it
 * asks for; anonymous requests get a token that grants nothing; wrong credentials get 401.
 *
 * <p>It uses the JDK only, so {@code .ci/services.sh} runs it straight from this source file
 * ({@code java TokenServer.java --listen 127.0.0.1:0 ...}) next to the registry it serves.
 */
public final class TokenServer implements AutoCloseable {

  /** How long a token is valid. */
  static final long LIFETIME_SECONDS = 300;

  /**
   * What the server signs with and whom it admits.
   *
   * @param issuer the {@code iss} claim; the registry's {@code auth.token.issuer}
   * @param service the {@code aud} claim; the registry's {@code auth.token.service}
   * @param key the RSA private key
   * @param certificate its self-signed certificate (the registry's {@code rootcertbundle})
   * @param user the user that gets tokens
   * @param password its password
   */
  public record Settings(
      String issuer,
      String service,
      PrivateKey key,
      X509Certificate certificate,
      String user,
      String password) {

    @Override
    public String toString() {
      return "Settings[issuer=" + issuer + ", service=" + service + ", user=" + user + "]";
    }
  }

  private final Settings settings;
  private final HttpServer server;

  private TokenServer(Settings settings, InetSocketAddress address) throws IOException {
    this.settings = settings;
    this.server = HttpServer.create(address, 16);
    server.createContext("/token", this::handle);
    server.start();
  }

  /** Starts a server on {@code address} (port 0: any free port). */
  public static TokenServer start(Settings settings, InetSocketAddress address) {
    try {
      return new TokenServer(settings, address);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + address, e);
    }
  }

  /** The address it listens on. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** The realm URL for the registry's {@code auth.token.realm}. */
  public String realm() {
    return "http://" + address().getHostString() + ":" + address().getPort() + "/token";
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET")) {
        respond(exchange, 405, "{\"error\":\"only GET\"}");
        return;
      }
      Map<String, List<String>> query = query(exchange.getRequestURI().getRawQuery());
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      String subject = "";
      if (authorization != null) {
        if (!authorization.equals(basic(settings.user(), settings.password()))) {
          exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"dockerlint-token\"");
          respond(exchange, 401, "{\"error\":\"bad credentials\"}");
          return;
        }
        subject = settings.user();
      }
      List<String> access = new ArrayList<>();
      if (!subject.isEmpty()) {
        for (String scope : query.getOrDefault("scope", List.of())) {
          for (String one : scope.split(" ")) {
            access(one).ifPresent(access::add);
          }
        }
      }
      String token = token(subject, access, Instant.now());
      respond(
          exchange,
          200,
          "{\"token\":\""
              + token
              + "\",\"access_token\":\""
              + token
              + "\",\"expires_in\":"
              + LIFETIME_SECONDS
              + ",\"issued_at\":\""
              + Instant.now()
              + "\"}");
    } catch (RuntimeException e) {
      respond(exchange, 500, "{\"error\":" + quote(String.valueOf(e)) + "}");
    }
  }

  /** {@code type:name:a,b} as an access claim entry; the name may hold colons (host:port). */
  private static Optional<String> access(String scope) {
    int first = scope.indexOf(':');
    int last = scope.lastIndexOf(':');
    if (first < 0 || last == first) {
      return Optional.empty();
    }
    StringBuilder actions = new StringBuilder();
    for (String action : scope.substring(last + 1).split(",")) {
      if (!action.isEmpty()) {
        actions.append(actions.length() == 0 ? "" : ",").append(quote(action));
      }
    }
    return Optional.of(
        "{\"type\":"
            + quote(scope.substring(0, first))
            + ",\"name\":"
            + quote(scope.substring(first + 1, last))
            + ",\"actions\":["
            + actions
            + "]}");
  }

  /** A signed JWT for {@code subject} with the given access entries. */
  String token(String subject, List<String> access, Instant now) {
    try {
      String x5c = Base64.getEncoder().encodeToString(settings.certificate().getEncoded());
      String header = "{\"typ\":\"JWT\",\"alg\":\"RS256\",\"x5c\":[\"" + x5c + "\"]}";
      String claims =
          "{\"iss\":"
              + quote(settings.issuer())
              + ",\"sub\":"
              + quote(subject)
              + ",\"aud\":"
              + quote(settings.service())
              + ",\"exp\":"
              + (now.getEpochSecond() + LIFETIME_SECONDS)
              + ",\"nbf\":"
              + (now.getEpochSecond() - 10)
              + ",\"iat\":"
              + now.getEpochSecond()
              + ",\"jti\":"
              + quote(UUID.randomUUID().toString())
              + ",\"access\":["
              + String.join(",", access)
              + "]}";
      Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
      String signingInput =
          url.encodeToString(header.getBytes(StandardCharsets.UTF_8))
              + "."
              + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(settings.key());
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + url.encodeToString(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, List<String>> query(String raw) {
    Map<String, List<String>> params = new HashMap<>();
    if (raw == null) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return params;
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Reads a PKCS#8 PEM RSA private key and a PEM certificate. */
  public static Settings settings(
      String issuer, String service, Path key, Path certificate, String user, String password) {
    try {
      String pem = Files.readString(key, StandardCharsets.US_ASCII);
      if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
        throw new IllegalArgumentException(key + " is not a PKCS#8 PEM private key");
      }
      byte[] der =
          Base64.getMimeDecoder()
              .decode(pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").strip());
      PrivateKey privateKey =
          KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
      X509Certificate cert;
      try (var in = Files.newInputStream(certificate)) {
        cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      }
      return new Settings(issuer, service, privateKey, cert, user, password);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + key + " or " + certificate, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("bad key or certificate: " + key + ", " + certificate, e);
    }
  }

  /**
   * Runs the server until killed. Arguments: {@code --listen host:port --issuer X --service Y --key
   * key.pem --cert cert.pem --user U --password-file F}. Prints {@code listening on host:port} once
   * it accepts connections.
   */
  public static void main(String[] args) throws InterruptedException {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    String listen = required(options, "--listen");
    int colon = listen.lastIndexOf(':');
    String password;
    try {
      password = Files.readString(Path.of(required(options, "--password-file"))).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the password file", e);
    }
    Settings settings =
        settings(
            required(options, "--issuer"),
            required(options, "--service"),
            Path.of(required(options, "--key")),
            Path.of(required(options, "--cert")),
            required(options, "--user"),
            password);
    TokenServer server =
        start(
            settings,
            new InetSocketAddress(
                listen.substring(0, colon), Integer.parseInt(listen.substring(colon + 1))));
    System.out.println(
        "listening on " + server.address().getHostString() + ":" + server.address().getPort());
    System.out.flush();
    Thread.currentThread().join();
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing " + name);
    }
    return value;
  }
}
