package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code dockerlint lsp}: the forms editors use are served without picocli, the others through it,
 * and all of them serve the same protocol.
 */
class LspCommandTest {

  private static String message(String json) {
    return "Content-Length: " + json.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + json;
  }

  private static final String SESSION =
      message(
              "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                  + "\"params\":{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}}")
          + message("{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}")
          + message("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\",\"params\":null}")
          + message("{\"jsonrpc\":\"2.0\",\"method\":\"exit\",\"params\":null}");

  @ParameterizedTest
  @ValueSource(strings = {"lsp", "lsp --stdio", "lsp --image-source none", "lsp --stdio --offline"})
  void everyFormServesAWholeSessionAndExitsCleanly(String commandLine) {
    CliRun r = CliRun.runWithStdin(SESSION, commandLine.split(" "));

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("\"id\":1")
        .contains("\"textDocumentSync\"")
        .contains("\"hoverProvider\"")
        .contains("\"id\":2");
    assertThat(r.out().split("\"id\":1,\"result\"", -1)).as("one answer to initialize").hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "lsp",
        "lsp --stdio",
        "lsp --stdio --image-source none",
        "lsp --offline --insecure-registry r:5000"
      })
  void standardIoSessionsAreAnsweredBeforeTheCommandLineIsRead(String commandLine) {
    assertThat(LspCommand.servesStdio(commandLine.split(" "))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "check lsp",
        "lsp --socket 0",
        "lsp --socket=0",
        "lsp --help",
        "lsp -h",
        "lsp -V",
        "lsp --version"
      })
  void otherCommandLinesAreNot(String commandLine) {
    assertThat(LspCommand.servesStdio(commandLine.split(" "))).isFalse();
  }

  @Test
  void aSessionThatEndsWithoutShutdownExitsWithOne() {
    CliRun r =
        CliRun.runWithStdin(
            message(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                    + "\"params\":{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}}"),
            "lsp");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("\"id\":1");
  }

  @Test
  void helpAndUnknownOptionsStillGoThroughTheCommandLineParser() {
    CliRun help = CliRun.run("lsp", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("--socket=PORT").contains("--stdio");

    CliRun bad = CliRun.run("lsp", "--stdio", "--image-source", "sometimes");
    assertThat(bad.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(bad.err()).contains("invalid --image-source 'sometimes'");
    assertThat(bad.out()).isEmpty();
  }
}
