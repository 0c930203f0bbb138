package dev.dockerlint.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The answer to {@code initialize} given before the server is built: the server's own answer, given
 * only to a well-formed {@code initialize} request, and the input handed on byte for byte.
 */
class EarlyInitializeTest {

  private static final String PARAMS = "{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}";

  private static String request(String id, String method, String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + id
        + ",\"method\":\""
        + method
        + "\",\"params\":"
        + params
        + "}";
  }

  private static byte[] frame(String headers, String body) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    return (headers.replace("LENGTH", Integer.toString(b.length)) + body)
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] frame(String body) {
    return frame("Content-Length: LENGTH\r\n\r\n", body);
  }

  /** Answers {@code input}; returns what was written and checks that the input is handed on. */
  private static Answer answer(byte[] input) throws IOException {
    byte[] next = frame(request("2", "shutdown", "null"));
    byte[] all = new byte[input.length + next.length];
    System.arraycopy(input, 0, all, 0, input.length);
    System.arraycopy(next, 0, all, input.length, next.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    EarlyInitialize.First first = EarlyInitialize.answer(new ByteArrayInputStream(all), out);
    try (InputStream rest = first.rest()) {
      assertThat(rest.readAllBytes()).as("the input handed on").isEqualTo(all);
    }
    return new Answer(out.toString(StandardCharsets.UTF_8), first.answeredId());
  }

  private record Answer(String written, String id) {
    JsonObject body() {
      assertThat(written).startsWith("Content-Length: ");
      int start = written.indexOf("\r\n\r\n") + 4;
      String body = written.substring(start);
      assertThat(body.getBytes(StandardCharsets.UTF_8))
          .hasSize(Integer.parseInt(written.substring(16, start - 4)));
      return JsonParser.parseString(body).getAsJsonObject();
    }
  }

  @Test
  void theEarlyAnswerIsTheServersOwn() throws IOException {
    DockerlintLanguageServer server = new DockerlintLanguageServer();
    ResponseMessage own = new ResponseMessage();
    own.setJsonrpc("2.0");
    own.setId(1);
    own.setResult(server.initialize(new InitializeParams()).join());
    LspLauncher.AnswersParseErrors b = new LspLauncher.AnswersParseErrors();
    b.setLocalService(server);
    b.setRemoteInterface(DockerlintLanguageClient.class);
    MessageJsonHandler json = b.createJsonHandler();
    JsonElement expected = JsonParser.parseString(json.serialize(own));

    Answer early = answer(frame(request("1", "initialize", PARAMS)));

    assertThat(early.body())
        .as("update EarlyInitialize.CAPABILITIES to the capabilities of: %s", expected)
        .isEqualTo(expected);
    assertThat(early.id()).isEqualTo("1");
  }

  @Test
  void aStringIdIsEchoedAndGivenAsItsValue() throws IOException {
    Answer a = answer(frame(request("\"in\\\"it \\u00e9\"", "initialize", PARAMS)));

    assertThat(a.body().get("id").getAsString()).isEqualTo("in\"it \u00e9");
    assertThat(a.id()).isEqualTo("in\"it \u00e9");
  }

  @Test
  void keysInAnyOrderWhitespaceAndLargeNestedParamsAreTaken() throws IOException {
    StringBuilder big = new StringBuilder("{\"capabilities\":{\"x\":[");
    for (int i = 0; i < 5_000; i++) {
      big.append(i == 0 ? "" : ",").append("{\"a\":[1.5e-3,true,false,null,\"\\n\\t\\/\"]}");
    }
    big.append("]},\"initializationOptions\":{\"dockerlint\":{\"ignore\":[\"DKL4000\"]}}}");
    String body =
        " {\r\n \"params\" : "
            + big
            + " ,\n\t\"method\":\"initialize\", \"id\" : -7 ,"
            + " \"jsonrpc\":\"2.0\" } ";

    Answer a =
        answer(
            frame(
                "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n"
                    + "Content-Length: LENGTH\r\n\r\n",
                body));

    assertThat(a.id()).isEqualTo("-7");
    assertThat(a.body().get("id").getAsInt()).isEqualTo(-7);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // another method first
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"shutdown\",\"params\":{}}",
        // a notification
        "{\"jsonrpc\":\"2.0\",\"method\":\"initialize\",\"params\":{}}",
        // params missing or not an object
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":[]}",
        // not JSON-RPC 2.0, a key twice, an id lsp4j would read differently
        "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"initialize\",\"params\":{}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"initialize\",\"params\":{}}",
        "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"initialize\",\"params\":{}}",
        // JSON that is not well-formed
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{},}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"a\":[1,]}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"a\":\"\\x\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"a\":\"\\u12\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"a\":01}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"a\":tru}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}} x",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"a\":\"\t\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"a\"",
        "not json at all"
      })
  void anythingElseIsHandedOnUnanswered(String body) throws IOException {
    Answer a = answer(frame(body));

    assertThat(a.written()).isEmpty();
    assertThat(a.id()).isNull();
  }

  @Test
  void nestingDeeperThanTheReaderTakesIsHandedOnUnanswered() throws IOException {
    String deep = "[".repeat(300) + "]".repeat(300);

    Answer a = answer(frame(request("1", "initialize", "{\"a\":" + deep + "}")));

    assertThat(a.written()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Content-Length: LENGTH\n\n",
        "Content-Length: LENGTH\r\nX-Other: 1\r\n\r\n",
        "Content-Type: application/json; charset=latin1\r\nContent-Length: LENGTH\r\n\r\n",
        "Content-Length: LENGTH\r\nContent-Length: LENGTH\r\n\r\n",
        "Content-Length: 1x\r\n\r\n",
        "Content-Length: 0\r\n\r\n",
        "Content-Length: 9999999999\r\n\r\n",
        "\r\n"
      })
  void headersThisReaderDoesNotTakeAreHandedOnUnanswered(String headers) throws IOException {
    Answer a = answer(frame(headers, request("1", "initialize", PARAMS)));

    assertThat(a.written()).isEmpty();
  }

  @Test
  void invalidUtf8IsHandedOnUnanswered() throws IOException {
    byte[] body = request("1", "initialize", "{\"a\":\"\u00e9\"}").getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < body.length; i++) {
      if (body[i] == (byte) 0xC3) {
        body[i] = (byte) 0xFF;
      }
    }
    byte[] header =
        ("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] input = new byte[header.length + body.length];
    System.arraycopy(header, 0, input, 0, header.length);
    System.arraycopy(body, 0, input, header.length, body.length);

    assertThat(answer(input).written()).isEmpty();
  }

  @Test
  void anInputThatEndsEarlyIsHandedOnUnanswered() throws IOException {
    byte[] whole = frame(request("1", "initialize", PARAMS));
    for (int cut : new int[] {0, 5, 20, whole.length - 1}) {
      byte[] part = java.util.Arrays.copyOf(whole, cut);
      ByteArrayOutputStream out = new ByteArrayOutputStream();

      EarlyInitialize.First first = EarlyInitialize.answer(new ByteArrayInputStream(part), out);

      assertThat(out.size()).isZero();
      assertThat(first.answeredId()).isNull();
      assertThat(first.rest().readAllBytes()).isEqualTo(part);
    }
  }
}
