package dev.dockerlint.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The training run of the build's AppCDS archives (cli/pom.xml runs it twice: once for the class
 * list of a static archive, which can hold picocli's pre-Java-6 classes, then with {@code
 * -XX:ArchiveClassesAtExit} for a dynamic archive on top of it, which holds the lambdas): in one
 * JVM it does what users do, so that the archives hold the classes of each: {@code check} of a
 * Dockerfile with every output format, {@code image} of a {@code docker save} archive and of an OCI
 * image layout that it writes itself (twice each: the second run reads the file index from the disk
 * cache, as a warm run does), and a language server session (open, diagnostics, hover, completion,
 * semantic tokens, code actions, an edit). It asks no engine and no registry. Not a user command:
 * {@code XDG_CACHE_HOME=WORK_DIR/cache java -cp dockerlint.jar dev.dockerlint.cli.CdsTraining
 * SOURCE_DIR WORK_DIR}.
 */
public final class CdsTraining {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TIMEOUT_S = 60;
  private static final Logger LSP4J_LOG = Logger.getLogger("org.eclipse.lsp4j");

  private CdsTraining() {}

  public static void main(String[] args) {
    if (args.length == 3 && args[0].equals("--class-list")) {
      try {
        classList(Path.of(args[1]), Path.of(args[2]));
      } catch (IOException e) {
        System.err.println("dockerlint: " + e);
        System.exit(ExitCode.INTERNAL);
      }
      return;
    }
    if (args.length != 2) {
      System.err.println(
          "usage: CdsTraining SOURCE_DIR WORK_DIR | CdsTraining --class-list RAW_LIST LIST");
      System.exit(ExitCode.USAGE);
    }
    Path source = Path.of(args[0]);
    Path work = Path.of(args[1]);
    try {
      freshCache(work);
      check(source, work);
      images(work);
      languageServer(source);
    } catch (Exception | Error e) { // NOPMD: any failure must end the JVM, whose threads live on
      System.err.println("dockerlint: AppCDS training run failed");
      e.printStackTrace();
      System.exit(ExitCode.INTERNAL);
    }
    System.exit(ExitCode.CLEAN);
  }

  /**
   * The class list of a training run ({@code -XX:DumpLoadedClassList}) for the static archive,
   * without its lambda entries: the dynamic archive on top of it keeps those, and the static dump
   * of JDK 17 is not reliable with them.
   */
  private static void classList(Path raw, Path list) throws IOException {
    try (var lines = Files.lines(raw)) {
      Files.write(list, lines.filter(l -> !l.startsWith("@lambda-")).toList());
    }
  }

  /**
   * Empties the image cache, which must be inside {@code work} ({@code XDG_CACHE_HOME}), so that
   * the first {@code image} runs are cold ones, as on a first use.
   */
  private static void freshCache(Path work) throws IOException {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path cache = xdg == null ? null : Path.of(xdg).toAbsolutePath().normalize();
    if (cache == null || !cache.startsWith(work.toAbsolutePath().normalize())) {
      throw new IOException("XDG_CACHE_HOME must be a folder inside " + work);
    }
    if (Files.exists(cache)) {
      try (var paths = Files.walk(cache)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(cache);
  }

  private static void check(Path source, Path work) {
    List<String> argv =
        new ArrayList<>(
            List.of(
                "check",
                "--image-source",
                "registry",
                "--offline",
                "--config",
                source.resolve("dockerlint.yaml").toString()));
    for (String format :
        List.of("tty", "json", "sarif", "checkstyle", "gitlab", "github", "gnu", "junit")) {
      argv.addAll(
          List.of("--format", format, "-o", work.resolve("cds-training." + format).toString()));
    }
    argv.add(source.resolve("training.Dockerfile").toString());
    run(argv);
  }

  private static void images(Path work) throws IOException {
    Layer layer = layer();
    Path archive = dockerSave(work.resolve("cds-image.tar"), layer);
    Path oci = ociLayout(work.resolve("cds-image-oci"), layer);
    for (int pass = 0; pass < 2; pass++) {
      run(List.of("image", "--format", "json", "docker-archive:" + archive));
      run(List.of("image", "oci:" + oci));
    }
  }

  /** Runs one command line as {@code dockerlint} would, its output discarded. */
  private static void run(List<String> argv) {
    PrintStream sink =
        new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    int code = Main.run(argv.toArray(String[]::new), System.in, sink, sink);
    if (code != ExitCode.CLEAN && code != ExitCode.FINDINGS) {
      throw new IllegalStateException("training run failed (exit " + code + "): " + argv);
    }
  }

  /** One layer: a script run by a shell that is an ELF binary (the JVM's own launcher). */
  private record Layer(byte[] tar, String diffId) {}

  private static Layer layer() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      directory(tar, "bin/");
      directory(tar, "usr/");
      directory(tar, "usr/local/");
      directory(tar, "usr/local/bin/");
      file(tar, "bin/sh", Files.readAllBytes(javaLauncher()), 0755);
      file(tar, "usr/local/bin/app", "#!/bin/sh\r\nexec echo ok\r\n".getBytes(), 0644);
      TarArchiveEntry link = new TarArchiveEntry("bin/bash", TarArchiveEntry.LF_SYMLINK);
      link.setLinkName("sh");
      tar.putArchiveEntry(link);
      tar.closeArchiveEntry();
    }
    byte[] tar = bytes.toByteArray();
    return new Layer(tar, "sha256:" + sha256(tar));
  }

  private static Path javaLauncher() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  private static void directory(TarArchiveOutputStream tar, String name) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setMode(040755);
    tar.putArchiveEntry(e);
    tar.closeArchiveEntry();
  }

  private static void file(TarArchiveOutputStream tar, String name, byte[] content, int mode)
      throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setMode(0100000 | mode);
    e.setSize(content.length);
    tar.putArchiveEntry(e);
    tar.write(content);
    tar.closeArchiveEntry();
  }

  private static byte[] config(Layer layer) throws IOException {
    ObjectNode config = JSON.createObjectNode();
    config.put("architecture", "amd64").put("os", "linux");
    ObjectNode c = config.putObject("config");
    c.putArray("Entrypoint").add("/usr/local/bin/app");
    c.putArray("Cmd").add("--serve");
    c.putArray("Env").add("PATH=/usr/local/bin:/usr/bin:/bin");
    c.putObject("Healthcheck").putArray("Test").add("CMD-SHELL").add("app --check");
    ObjectNode rootfs = config.putObject("rootfs");
    rootfs.put("type", "layers");
    rootfs.putArray("diff_ids").add(layer.diffId());
    return JSON.writeValueAsBytes(config);
  }

  /** A {@code docker save} archive of the image, tagged {@code dockerlint/cds-training:1}. */
  private static Path dockerSave(Path file, Layer layer) throws IOException {
    byte[] config = config(layer);
    String configName = sha256(config) + ".json";
    String layerName = layer.diffId().substring("sha256:".length()) + "/layer.tar";
    ObjectNode entry = JSON.createObjectNode();
    entry.put("Config", configName);
    entry.putArray("RepoTags").add("dockerlint/cds-training:1");
    entry.putArray("Layers").add(layerName);
    byte[] manifest = JSON.writeValueAsBytes(List.of(entry));
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(Files.newOutputStream(file))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      file(tar, "manifest.json", manifest, 0644);
      file(tar, configName, config, 0644);
      file(tar, layerName, layer.tar(), 0644);
    }
    return file;
  }

  /** An OCI image layout of the image, its layer gzipped as registries keep them. */
  private static Path ociLayout(Path dir, Layer layer) throws IOException {
    Path blobs = dir.resolve("blobs").resolve("sha256");
    Files.createDirectories(blobs);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(layer.tar());
    }
    byte[] config = config(layer);
    ObjectNode manifest = JSON.createObjectNode();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", "application/vnd.oci.image.manifest.v1+json");
    manifest.set(
        "config", descriptor("application/vnd.oci.image.config.v1+json", blob(blobs, config)));
    manifest
        .putArray("layers")
        .add(
            descriptor(
                "application/vnd.oci.image.layer.v1.tar+gzip", blob(blobs, gz.toByteArray())));
    ObjectNode index = JSON.createObjectNode();
    index.put("schemaVersion", 2);
    ObjectNode entry =
        descriptor(
            "application/vnd.oci.image.manifest.v1+json",
            blob(blobs, JSON.writeValueAsBytes(manifest)));
    entry.putObject("annotations").put("org.opencontainers.image.ref.name", "1");
    index.putArray("manifests").add(entry);
    Files.write(dir.resolve("index.json"), JSON.writeValueAsBytes(index));
    Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    return dir;
  }

  private record Blob(String digest, long size) {}

  private static Blob blob(Path blobs, byte[] content) throws IOException {
    String hex = sha256(content);
    Files.write(blobs.resolve(hex), content);
    return new Blob("sha256:" + hex, content.length);
  }

  private static ObjectNode descriptor(String mediaType, Blob blob) {
    ObjectNode d = JSON.createObjectNode();
    d.put("mediaType", mediaType).put("digest", blob.digest()).put("size", blob.size());
    return d;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A language server session over pipes, with lsp4j's client side as the editor. */
  private static void languageServer(Path source) throws Exception {
    // the pipes' reader threads are interrupted at the end, which lsp4j logs at length
    LSP4J_LOG.setLevel(Level.OFF);
    PipedInputStream serverIn = new PipedInputStream(1 << 16);
    PipedOutputStream toServer = new PipedOutputStream(serverIn);
    PipedInputStream clientIn = new PipedInputStream(1 << 16);
    PrintStream fromServer =
        new PrintStream(new PipedOutputStream(clientIn), true, StandardCharsets.UTF_8);
    CompletableFuture<Integer> server =
        CompletableFuture.supplyAsync(
            () ->
                Main.run(
                    new String[] {"lsp", "--image-source", "none"},
                    serverIn,
                    fromServer,
                    new PrintStream(OutputStream.nullOutputStream())));
    Client client = new Client();
    var launcher = LSPLauncher.createClientLauncher(client, clientIn, toServer);
    launcher.startListening();
    LanguageServer remote = launcher.getRemoteProxy();
    InitializeParams init = new InitializeParams();
    init.setCapabilities(new ClientCapabilities());
    remote.initialize(init).get(TIMEOUT_S, TimeUnit.SECONDS);
    remote.initialized(new InitializedParams());

    String uri = source.resolve("training.Dockerfile").toUri().toString();
    String text = Files.readString(source.resolve("training.Dockerfile"));
    CompletableFuture<PublishDiagnosticsParams> opened = client.next();
    remote
        .getTextDocumentService()
        .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "dockerfile", 1, text)));
    PublishDiagnosticsParams diagnostics = opened.get(TIMEOUT_S, TimeUnit.SECONDS);

    TextDocumentIdentifier doc = new TextDocumentIdentifier(uri);
    Position entrypoint = new Position(lineOf(text, "ENTRYPOINT"), 2);
    var texts = remote.getTextDocumentService();
    texts.hover(new HoverParams(doc, entrypoint)).get(TIMEOUT_S, TimeUnit.SECONDS);
    texts.completion(new CompletionParams(doc, entrypoint)).get(TIMEOUT_S, TimeUnit.SECONDS);
    texts.semanticTokensFull(new SemanticTokensParams(doc)).get(TIMEOUT_S, TimeUnit.SECONDS);
    texts
        .codeAction(
            new CodeActionParams(
                doc,
                new Range(new Position(0, 0), new Position(lineOf(text, "ENTRYPOINT") + 1, 0)),
                new CodeActionContext(diagnostics.getDiagnostics())))
        .get(TIMEOUT_S, TimeUnit.SECONDS);

    CompletableFuture<PublishDiagnosticsParams> edited = client.next();
    TextDocumentContentChangeEvent change =
        new TextDocumentContentChangeEvent(
            new Range(new Position(0, 0), new Position(0, 0)), "# edited\n");
    texts.didChange(
        new DidChangeTextDocumentParams(
            new VersionedTextDocumentIdentifier(uri, 2), List.of(change)));
    edited.get(TIMEOUT_S, TimeUnit.SECONDS);

    remote.shutdown().get(TIMEOUT_S, TimeUnit.SECONDS);
    remote.exit();
    int code = server.get(TIMEOUT_S, TimeUnit.SECONDS);
    if (code != ExitCode.CLEAN) {
      throw new IllegalStateException("the language server ended with " + code);
    }
  }

  private static int lineOf(String text, String prefix) {
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new UncheckedIOException(new IOException("no " + prefix + " line in the training file"));
  }

  /** The editor's side: hands the next published diagnostics to whoever waits for them. */
  private static final class Client implements LanguageClient {
    private CompletableFuture<PublishDiagnosticsParams> next = new CompletableFuture<>();

    synchronized CompletableFuture<PublishDiagnosticsParams> next() {
      next = new CompletableFuture<>();
      return next;
    }

    @Override
    public synchronized void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
      next.complete(diagnostics);
    }

    @Override
    public void telemetryEvent(Object object) {}

    @Override
    public void showMessage(MessageParams messageParams) {}

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(
        ShowMessageRequestParams requestParams) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {}
  }
}
