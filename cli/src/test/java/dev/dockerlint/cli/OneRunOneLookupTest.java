package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run over many Dockerfiles that name the same base image asks the registry about it as often as
 * a run over one of them does: the run answers each image question once for all its files. The
 * "registry" is a loopback server that answers every request with HTTP 500, so each question ends
 * unanswered (and nothing is cached on disk); the test counts the connections it gets.
 */
class OneRunOneLookupTest {
  @TempDir Path dir;

  private ServerSocket server;
  private final AtomicInteger connections = new AtomicInteger();
  private Thread acceptor;

  @BeforeEach
  void startBrokenRegistry() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                  connections.incrementAndGet();
                  s.setSoTimeout(2_000);
                  InputStream in = s.getInputStream();
                  in.read(new byte[4096]); // the request (or a TLS hello)
                  OutputStream out = s.getOutputStream();
                  out.write(
                      ("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n"
                              + "Connection: close\r\n\r\n")
                          .getBytes(StandardCharsets.US_ASCII));
                  out.flush();
                } catch (SocketException e) {
                  return; // closed
                } catch (IOException e) {
                  // a client that went away; take the next one
                }
              }
            },
            "broken-registry");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    acceptor.join(5_000);
  }

  private List<String> dockerfiles(int n) throws IOException {
    String image = "127.0.0.1:" + server.getLocalPort() + "/team/app:1";
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Path d = Files.createDirectories(dir.resolve("svc" + n + "-" + i));
      Path f = d.resolve("Dockerfile");
      Files.writeString(f, "FROM " + image + "\nCOPY run.sh /run.sh\nCMD [\"/run.sh\"]\n");
      Files.writeString(d.resolve("run.sh"), "#!/bin/sh\necho " + i + "\n");
      paths.add(f.toString());
    }
    return paths;
  }

  private int connectionsFor(List<String> files) {
    int before = connections.get();
    List<String> args = new ArrayList<>(List.of("--image-source", "registry", "--format", "json"));
    args.addAll(files);
    CliRun r = CliRun.run(args.toArray(String[]::new));
    assertThat(r.exit()).as(r.err()).isIn(ExitCode.CLEAN, ExitCode.FINDINGS);
    assertThat(r.out()).contains("DKL1501").contains("Could not inspect base image 127.0.0.1:");
    return connections.get() - before;
  }

  @Test
  void sixFilesAskAsOftenAsOne() throws IOException {
    int one = connectionsFor(dockerfiles(1));
    int six = connectionsFor(dockerfiles(6));

    assertThat(one).as("connections for one file").isPositive();
    assertThat(six).as("connections for six files naming the same image").isEqualTo(one);
  }
}
