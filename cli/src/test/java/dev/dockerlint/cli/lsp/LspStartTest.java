package dev.dockerlint.cli.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server process at its start: {@code initialize} is answered before the server is built
 * (EarlyInitialize), once, and the server still applies what the request carried; a first message
 * that is not {@code initialize} is served as any other.
 */
class LspStartTest {
  private static final String URI = "file:///work/Dockerfile";

  @TempDir Path dir;
  private LspProcess server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static boolean answers(JsonObject m, String id) {
    return m.has("id")
        && !m.has("method")
        && m.get("id").isJsonPrimitive()
        && m.get("id").getAsString().equals(id);
  }

  @Test
  void initializeIsAnsweredOnceAndItsSettingsApply() throws Exception {
    server = LspProcess.start(dir.resolve("stderr.txt"));
    server.sendRaw(
        "{\"jsonrpc\":\"2.0\",\"id\":\"start\",\"method\":\"initialize\",\"params\":"
            + "{\"processId\":null,\"rootUri\":null,\"capabilities\":{},"
            + "\"initializationOptions\":{\"dockerlint\":{\"ignore\":[\"DKL4000\"],"
            + "\"noSuchSetting\":1}}}}");
    JsonObject answer = server.next(m -> answers(m, "start"));
    assertThat(
            answer.getAsJsonObject("result").getAsJsonObject("capabilities").has("hoverProvider"))
        .isTrue();
    server.notify("initialized", new JsonObject());
    server.open(URI, "FROM alpine:3.20\nMAINTAINER me\nCMD echo hi\n");

    JsonObject d = server.diagnostics(URI, 1);
    List<String> codes = new ArrayList<>();
    d.getAsJsonObject("params")
        .getAsJsonArray("diagnostics")
        .forEach(x -> codes.add(x.getAsJsonObject().get("code").getAsString()));
    assertThat(codes).isNotEmpty().doesNotContain("DKL4000");

    // everything else the server sent until its answer to shutdown: no second answer to "start",
    // and the settings' warning, after the answer
    int shutdown = server.request("shutdown", null);
    server.next(m -> m.has("id") && !m.has("method") && m.get("id").getAsInt() == shutdown);
    assertThat(server.notificationsSoFar()).noneMatch(m -> answers(m, "start"));
    assertThat(server.notificationsSoFar())
        .anyMatch(
            m ->
                "window/showMessage".equals(m.has("method") ? m.get("method").getAsString() : "")
                    && m.toString().contains("noSuchSetting"));
    server.notify("exit", null);
    assertThat(server.waitFor()).isZero();
  }

  @Test
  void aFirstMessageThatIsNotInitializeIsServedAsAnyOther() throws Exception {
    server = LspProcess.start(dir.resolve("stderr.txt"));
    server.sendRaw("{not json");
    JsonObject error = server.next(m -> m.has("error") && m.get("id").isJsonNull());
    assertThat(error.getAsJsonObject("error").get("code").getAsInt()).isEqualTo(-32700);

    server.initialize();
    server.open(URI, "FROM alpine:3.20\nMAINTAINER me\n");
    JsonObject d = server.diagnostics(URI, 1);
    assertThat(d.getAsJsonObject("params").getAsJsonArray("diagnostics")).hasSize(1);
  }

  @Test
  void aFrameWithoutContentLengthGetsOneLineOnStandardErrorAndTheServerReadsOn() throws Exception {
    Path stderr = dir.resolve("stderr.txt");
    server = LspProcess.start(stderr);
    server.sendRawBytes("X-Other: 1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

    server.initialize();
    server.open(URI, "FROM alpine:3.20\nMAINTAINER me\n");
    JsonObject d = server.diagnostics(URI, 1);
    assertThat(d.getAsJsonObject("params").getAsJsonArray("diagnostics")).hasSize(1);
    String err = Files.readString(stderr);
    assertThat(err.lines().filter(l -> l.contains("Content-Length")))
        .singleElement()
        .asString()
        .startsWith("dockerlint: lsp4j severe: Missing header Content-Length");
    assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void aClientThatLeavesBeforeInitializeEndsTheServer() throws Exception {
    server = LspProcess.start(dir.resolve("stderr.txt"));
    server.closeInput();
    assertThat(server.waitFor()).isEqualTo(1);
  }
}
