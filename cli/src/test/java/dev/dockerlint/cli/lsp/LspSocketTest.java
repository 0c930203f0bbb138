package dev.dockerlint.cli.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dockerlint lsp --socket PORT} serves one client on the loopback interface. */
class LspSocketTest {
  @TempDir Path dir;

  private static void send(OutputStream out, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    out.write(("Content-Length: " + b.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(b);
    out.flush();
  }

  private static String receive(InputStream in) throws IOException {
    int length = -1;
    while (true) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int c;
      while ((c = in.read()) != '\n') {
        if (c < 0) {
          throw new IOException("end of stream");
        }
        if (c != '\r') {
          line.write(c);
        }
      }
      String l = line.toString(StandardCharsets.US_ASCII);
      if (l.isEmpty()) {
        break;
      }
      if (l.toLowerCase().startsWith("content-length:")) {
        length = Integer.parseInt(l.substring(15).trim());
      }
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  @Test
  void servesOneClientOnLoopback() throws Exception {
    List<String> cmd = new ArrayList<>(LspProcess.command());
    cmd.remove("--stdio");
    cmd.add("--socket");
    cmd.add("0");
    Process p = new ProcessBuilder(cmd).redirectOutput(dir.resolve("out.txt").toFile()).start();
    try {
      BufferedReader err =
          new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
      String line = err.readLine();
      assertThat(line).startsWith("dockerlint: language server listening on 127.0.0.1:");
      int port = Integer.parseInt(line.substring(line.lastIndexOf(':') + 1));
      Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
      try (Socket socket = s) {
        send(
            socket.getOutputStream(),
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}");
        assertThat(receive(socket.getInputStream())).contains("\"hoverProvider\":true");
        send(socket.getOutputStream(), "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
        assertThat(receive(socket.getInputStream())).contains("\"id\":2");
        send(socket.getOutputStream(), "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
        assertThat(p.waitFor(LspProcess.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
      }
    } finally {
      p.destroyForcibly();
    }
  }
}
