package dev.dockerlint.lsp;

import dev.dockerlint.image.ImageMetadataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Runs the language server over a pair of streams (stdio) or one loopback socket connection, until
 * the client says {@code exit} or closes the connection.
 */
public final class LspLauncher {
  private LspLauncher() {}

  /**
   * Serves one client over {@code in}/{@code out}; returns the exit code: 0 after {@code shutdown}
   * and {@code exit}, 1 when the client left without {@code shutdown}.
   */
  public static int serve(InputStream in, OutputStream out, ImageMetadataSource images) {
    DockerlintLanguageServer server = new DockerlintLanguageServer(images);
    ExecutorService reader =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "dockerlint-jsonrpc");
              t.setDaemon(true);
              return t;
            });
    try {
      Launcher<LanguageClient> launcher =
          LSPLauncher.createServerLauncher(server, in, out, reader, null);
      server.connect(launcher.getRemoteProxy());
      Future<Void> listening = launcher.startListening();
      CompletableFuture<Object> clientGone =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  listening.get();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } catch (ExecutionException e) {
                  return e.getCause();
                }
                return null;
              },
              Executors.newSingleThreadExecutor(
                  r -> {
                    Thread t = new Thread(r, "dockerlint-connection");
                    t.setDaemon(true);
                    return t;
                  }));
      CompletableFuture.anyOf(server.exited(), clientGone).join();
      server.stopThreads();
      return server.exited().isDone() ? server.exited().join() : (server.isShutdown() ? 0 : 1);
    } finally {
      reader.shutdownNow();
    }
  }

  /** Listens on {@code 127.0.0.1:port} and serves the first client that connects. */
  public static int serveSocket(int port, ImageMetadataSource images) throws IOException {
    try (ServerSocket listener = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
        Socket s = listener.accept()) {
      return serve(s.getInputStream(), s.getOutputStream(), images);
    }
  }
}
