package dev.dockerlint.cli.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server process under bad input: it answers errors and keeps serving, and exits when the
 * client goes away.
 */
class LspRobustnessTest {
  private static final String URI = "file:///work/Dockerfile";

  @TempDir Path dir;
  private LspProcess server;

  @BeforeEach
  void start() throws Exception {
    server = LspProcess.start(dir.resolve("stderr.txt"));
    server.initialize();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static JsonObject json(String s) {
    return JsonParser.parseString(s).getAsJsonObject();
  }

  private JsonObject hover(String uri, int line, int character) throws Exception {
    return server.call(
        "textDocument/hover",
        json(
            "{\"textDocument\":{\"uri\":\""
                + uri
                + "\"},\"position\":{\"line\":"
                + line
                + ",\"character\":"
                + character
                + "}}"));
  }

  /** The server still lints and answers. */
  private void stillServes() throws Exception {
    server.open("file:///work/alive/Dockerfile", "FROM alpine:3.20\nMAINTAINER me\n");
    JsonObject d = server.diagnostics("file:///work/alive/Dockerfile", 1);
    assertThat(d.getAsJsonObject("params").getAsJsonArray("diagnostics")).hasSize(1);
    assertThat(hover("file:///work/alive/Dockerfile", 1, 1).has("result")).isTrue();
  }

  private void change(int version, String rangeJson, String text) throws IOException {
    JsonObject change = new JsonObject();
    if (rangeJson != null) {
      change.add("range", JsonParser.parseString(rangeJson));
    }
    change.addProperty("text", text);
    JsonArray changes = new JsonArray();
    changes.add(change);
    JsonObject p = new JsonObject();
    p.add("textDocument", json("{\"uri\":\"" + URI + "\",\"version\":" + version + "}"));
    p.add("contentChanges", changes);
    server.notify("textDocument/didChange", p);
  }

  @Test
  void textThatIsNotJsonGetsAParseError() throws Exception {
    server.sendRaw("{not json");
    JsonObject r = server.next(m -> m.has("error") && m.get("id").isJsonNull());
    assertThat(r.getAsJsonObject("error").get("code").getAsInt()).isEqualTo(-32700);
    stillServes();
  }

  @Test
  void paramsOfTheWrongTypeGetAnError() throws Exception {
    JsonObject r =
        server.call(
            "textDocument/hover",
            json("{\"textDocument\":{\"uri\":1},\"position\":{\"line\":\"x\"}}"));
    assertThat(r.has("error")).isTrue();
    stillServes();
  }

  @Test
  void unknownMethodsGetMethodNotFound() throws Exception {
    assertThat(
            server
                .call("dockerlint/nope", new JsonObject())
                .getAsJsonObject("error")
                .get("code")
                .getAsInt())
        .isEqualTo(-32601);
    server.notify("dockerlint/nothing", new JsonObject());
    stillServes();
  }

  @Test
  void requestsForUnopenedDocumentsGetInvalidParams() throws Exception {
    JsonObject r = hover("file:///never/opened", 0, 0);
    assertThat(r.getAsJsonObject("error").get("code").getAsInt()).isEqualTo(-32602);
    stillServes();
  }

  @Test
  void editsWithOutOfRangePositionsAreClamped() throws Exception {
    server.open(URI, "FROM alpine:3.20\n");
    server.diagnostics(URI, 1);
    change(
        2,
        "{\"start\":{\"line\":99,\"character\":5},\"end\":{\"line\":-4,\"character\":-1}}",
        "MAINTAINER me\n");
    change(
        3,
        "{\"start\":{\"line\":0,\"character\":999},\"end\":{\"line\":0,\"character\":999}}",
        "\n");
    JsonObject d = server.diagnostics(URI, 3);
    assertThat(d.getAsJsonObject("params").getAsJsonArray("diagnostics")).hasSize(1);
    stillServes();
  }

  @Test
  void aFiveMegabyteDocumentIsLinted() throws Exception {
    StringBuilder sb = new StringBuilder("FROM alpine:3.20\n");
    while (sb.length() < 5_000_000) {
      sb.append("RUN echo line ").append(sb.length()).append(" && true\n");
    }
    sb.append("MAINTAINER me\n");
    server.open(URI, sb.toString());
    JsonObject d = server.diagnostics(URI, 1);
    assertThat(d.getAsJsonObject("params").getAsJsonArray("diagnostics").toString())
        .contains("DKL4000");
    stillServes();
  }

  @Test
  void tenThousandRapidEditsEndWithTheNewestDiagnostics() throws Exception {
    server.open(URI, "FROM alpine:3.20\n");
    server.diagnostics(URI, 1);
    for (int v = 2; v <= 10_001; v++) {
      change(
          v, "{\"start\":{\"line\":1,\"character\":0},\"end\":{\"line\":1,\"character\":0}}", "#");
    }
    change(10_002, null, "FROM alpine:3.20\nMAINTAINER me\n");
    JsonObject d = server.diagnostics(URI, 10_002);
    assertThat(d.getAsJsonObject("params").get("version").getAsInt()).isEqualTo(10_002);
    assertThat(d.getAsJsonObject("params").getAsJsonArray("diagnostics")).hasSize(1);
    stillServes();
  }

  @Test
  void clientGoneWithoutShutdownEndsTheServer() throws Exception {
    server.closeInput();
    assertThat(server.waitFor()).isEqualTo(1);
  }

  @Test
  void shutdownAndExitEndWithZero() throws Exception {
    assertThat(server.call("shutdown", null).has("result")).isTrue();
    server.notify("exit", null);
    assertThat(server.waitFor()).isZero();
  }

  @Test
  void theWarmUpGoesThroughTheConnectionAndNothingOfItReachesTheClient() throws Exception {
    server.open(URI, "FROM alpine:3.20 AS base\nMAINTAINER me\n");
    server.diagnostics(URI, 1);
    server.next(
        m ->
            "window/logMessage".equals(m.has("method") ? m.get("method").getAsString() : null)
                && m.getAsJsonObject("params").get("message").getAsString().contains("warmed up"));
    assertThat(server.notificationsSoFar())
        .noneMatch(m -> m.toString().contains("failed") || m.toString().contains("warm-up:"));
    assertThat(Files.readString(dir.resolve("stderr.txt"))).doesNotContain("Exception");
    stillServes();
  }

  @Test
  void stderrHasNoStackTraceForBadInput() throws Exception {
    server.sendRaw("{not json");
    server.next(m -> m.has("error"));
    stillServes();
    assertThat(Files.readString(dir.resolve("stderr.txt"))).doesNotContain("Exception");
  }
}
