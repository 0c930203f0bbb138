package dev.dockerlint.cli.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The real server process ({@code java -cp ... dev.dockerlint.cli.Main lsp}) and a minimal JSON-RPC
 * client that writes raw frames, so tests can also send what no proper client would.
 */
final class LspProcess implements AutoCloseable {
  static final long TIMEOUT_SECONDS = 60;

  private final Process process;
  private final OutputStream in;
  private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
  private final List<JsonObject> notifications = new ArrayList<>();
  private int nextId = 1;

  private LspProcess(Process process) {
    this.process = process;
    this.in = process.getOutputStream();
    Thread reader = new Thread(this::read, "lsp-test-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** The command that starts the server the way an editor does. */
  static List<String> command() {
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return List.of(java.toString(), "-cp", cp, "dev.dockerlint.cli.Main", "lsp", "--stdio");
  }

  static LspProcess start(Path stderr) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command());
    pb.redirectError(stderr.toFile());
    return new LspProcess(pb.start());
  }

  private void read() {
    InputStream out = process.getInputStream();
    try {
      while (true) {
        int length = -1;
        String line;
        while (!(line = header(out)).isEmpty()) {
          if (line.toLowerCase().startsWith("content-length:")) {
            length = Integer.parseInt(line.substring(15).trim());
          }
        }
        byte[] body = out.readNBytes(length);
        if (body.length < length) {
          return;
        }
        received.add(
            JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject());
      }
    } catch (IOException | RuntimeException e) {
      // The process ended; waiting readers time out and report.
    }
  }

  private static String header(InputStream out) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = out.read()) != '\n') {
      if (c < 0) {
        throw new IOException("end of stream");
      }
      if (c != '\r') {
        b.write(c);
      }
    }
    return b.toString(StandardCharsets.UTF_8);
  }

  /** Bytes as they are, no frame around them. */
  void sendRawBytes(byte[] bytes) throws IOException {
    in.write(bytes);
    in.flush();
  }

  void sendRaw(String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    in.write(("Content-Length: " + b.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    in.write(b);
    in.flush();
  }

  void notify(String method, JsonElement params) throws IOException {
    JsonObject m = new JsonObject();
    m.addProperty("jsonrpc", "2.0");
    m.addProperty("method", method);
    m.add("params", params);
    sendRaw(m.toString());
  }

  int request(String method, JsonElement params) throws IOException {
    int id = nextId++;
    JsonObject m = new JsonObject();
    m.addProperty("jsonrpc", "2.0");
    m.addProperty("id", id);
    m.addProperty("method", method);
    m.add("params", params);
    sendRaw(m.toString());
    return id;
  }

  /** The response to request {@code id}. */
  JsonObject response(int id) throws InterruptedException {
    return next(
        m ->
            m.has("id")
                && !m.has("method")
                && m.get("id").isJsonPrimitive()
                && m.get("id").getAsInt() == id);
  }

  /** Sends a request and waits for its response. */
  JsonObject call(String method, JsonElement params) throws IOException, InterruptedException {
    return response(request(method, params));
  }

  /** The next message matching {@code p}; others are kept as notifications. */
  JsonObject next(Predicate<JsonObject> p) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (true) {
      long left = deadline - System.nanoTime();
      JsonObject m = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
      if (m == null) {
        throw new AssertionError(
            "no matching message within " + TIMEOUT_SECONDS + " s; alive: " + process.isAlive());
      }
      if (p.test(m)) {
        return m;
      }
      notifications.add(m);
    }
  }

  /** The next publishDiagnostics for {@code uri} with a version of at least {@code version}. */
  JsonObject diagnostics(String uri, int version) throws InterruptedException {
    return next(
        m ->
            "textDocument/publishDiagnostics".equals(str(m, "method"))
                && uri.equals(m.getAsJsonObject("params").get("uri").getAsString())
                && m.getAsJsonObject("params").has("version")
                && m.getAsJsonObject("params").get("version").getAsInt() >= version);
  }

  private static String str(JsonObject m, String key) {
    return m.has(key) ? m.get(key).getAsString() : null;
  }

  void initialize() throws IOException, InterruptedException {
    JsonObject p =
        JsonParser.parseString("{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}")
            .getAsJsonObject();
    JsonObject r = call("initialize", p);
    if (!r.has("result")) {
      throw new AssertionError("initialize failed: " + r);
    }
    notify("initialized", new JsonObject());
  }

  void open(String uri, String text) throws IOException {
    JsonObject td = new JsonObject();
    td.addProperty("uri", uri);
    td.addProperty("languageId", "dockerfile");
    td.addProperty("version", 1);
    td.addProperty("text", text);
    JsonObject p = new JsonObject();
    p.add("textDocument", td);
    notify("textDocument/didOpen", p);
  }

  /** The messages {@link #next} has passed over so far. */
  List<JsonObject> notificationsSoFar() {
    return List.copyOf(notifications);
  }

  void closeInput() throws IOException {
    in.close();
  }

  /** Waits for the process to end and returns its exit code. */
  int waitFor() throws InterruptedException {
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      throw new AssertionError("the server did not exit within " + TIMEOUT_SECONDS + " s");
    }
    return process.exitValue();
  }

  boolean alive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
