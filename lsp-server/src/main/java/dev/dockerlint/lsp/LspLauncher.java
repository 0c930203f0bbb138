package dev.dockerlint.lsp;

import com.google.gson.JsonParseException;
import dev.dockerlint.image.ImageMetadataSource;
import dev.dockerlint.util.Futures;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageIssueException;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.json.MessageConstants;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;

/**
 * Runs the language server over a pair of streams (stdio) or one loopback socket connection, until
 * the client says {@code exit} or closes the connection.
 */
public final class LspLauncher {
  private LspLauncher() {}

  /**
   * Reads the client's first message from {@code in} and, when it is {@code initialize}, answers it
   * on {@code out} at once (see {@link EarlyInitialize}); {@link #serve} then serves the rest on
   * the stream returned. For a process's main method, to answer before it does anything else.
   */
  public static InputStream answerInitialize(InputStream in, OutputStream out) {
    return new Answered(EarlyInitialize.answer(in, out));
  }

  /** The input after {@link #answerInitialize}: what it read, then the rest. */
  private static final class Answered extends FilterInputStream {
    final EarlyInitialize.First first;

    Answered(EarlyInitialize.First first) {
      super(first.rest());
      this.first = first;
    }
  }

  /**
   * Serves one client over {@code in}/{@code out}; returns the exit code: 0 after {@code shutdown}
   * and {@code exit}, 1 when the client left without {@code shutdown}.
   */
  public static int serve(InputStream in, OutputStream out, ImageMetadataSource images) {
    Lsp4jLog.toStandardErrorOneLine();
    // The server is built on another thread while this one reads the first message and, when it
    // is `initialize`, answers it (see EarlyInitialize), unless answerInitialize did. This thread
    // reads: piped streams (an in-process client) fail once the last thread that read or wrote
    // them has ended.
    CompletableFuture<DockerlintLanguageServer> building = new CompletableFuture<>();
    Map<String, JsonRpcMethod> methods = new LinkedHashMap<>();
    Thread builder =
        new Thread(
            () -> {
              try {
                // lsp4j's reflection over the protocol's methods first, while another thread of
                // the command may still be building the rule registry the server needs; create()
                // then takes the result instead of reflecting again
                methods.putAll(
                    ServiceEndpoints.getSupportedMethods(DockerlintLanguageClient.class));
                methods.putAll(
                    ServiceEndpoints.getSupportedMethods(DockerlintLanguageServer.class));
                building.complete(new DockerlintLanguageServer(images));
              } catch (RuntimeException | Error e) {
                building.completeExceptionally(e);
              }
            },
            "dockerlint-server-start");
    builder.setDaemon(true);
    builder.start();
    EarlyInitialize.First read =
        in instanceof Answered answered ? answered.first : EarlyInitialize.answer(in, out);
    DockerlintLanguageServer server;
    server = Futures.join(building);
    ExecutorService reader =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "dockerlint-jsonrpc");
              t.setDaemon(true);
              return t;
            });
    try {
      AnswersParseErrors lsp4j = new AnswersParseErrors(read.answeredId(), methods);
      Launcher<DockerlintLanguageClient> launcher =
          lsp4j
              .setLocalService(server)
              .setRemoteInterface(DockerlintLanguageClient.class)
              .setInput(read.rest())
              .setOutput(out)
              .setExecutorService(reader)
              .create();
      server.connect(launcher.getRemoteProxy());
      server.useJson(lsp4j.jsonHandler());
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

  /**
   * A launcher that answers a message that is not JSON at all with a JSON-RPC parse error ({@code
   * -32700}, id {@code null}) as JSON-RPC 2.0 asks, instead of only logging it; then it reads on.
   */
  static final class AnswersParseErrors extends Launcher.Builder<DockerlintLanguageClient> {
    /** The id of the {@code initialize} request answered already, or null. */
    private final String answeredId;

    /** The JSON-RPC methods of the client and the server, when already known; else null. */
    private final Map<String, JsonRpcMethod> methods;

    private MessageJsonHandler jsonHandler;

    AnswersParseErrors() {
      this(null, null);
    }

    /**
     * A launcher whose client has its answer to the {@code initialize} request {@code answeredId}
     * (when not null) from {@link EarlyInitialize}: lsp4j's own answer is not sent. {@code
     * methods}, when not null, are the methods of {@link DockerlintLanguageClient} and then those
     * of {@link DockerlintLanguageServer}, as lsp4j's {@link #getSupportedMethods()} finds them for
     * this launcher's remote interface and local service.
     */
    AnswersParseErrors(String answeredId, Map<String, JsonRpcMethod> methods) {
      this.answeredId = answeredId;
      this.methods = methods;
    }

    @Override
    protected Map<String, JsonRpcMethod> getSupportedMethods() {
      return methods != null ? methods : super.getSupportedMethods();
    }

    @Override
    protected MessageConsumer wrapMessageConsumer(MessageConsumer consumer) {
      MessageConsumer wrapped = super.wrapMessageConsumer(consumer);
      if (answeredId == null || !(consumer instanceof StreamMessageConsumer)) {
        return wrapped;
      }
      AtomicBoolean left = new AtomicBoolean();
      return message -> {
        if (message instanceof ResponseMessage r
            && answeredId.equals(r.getId())
            && left.compareAndSet(false, true)) {
          if (r.getError() != null) {
            System.err.println(
                "dockerlint: initialize was answered early, then failed: "
                    + r.getError().getMessage());
          }
          return;
        }
        wrapped.consume(message);
      };
    }

    /** The JSON handler {@link #create()} made for the launcher (null before). */
    MessageJsonHandler jsonHandler() {
      return jsonHandler;
    }

    @Override
    protected MessageJsonHandler createJsonHandler() {
      jsonHandler = newJsonHandler();
      return jsonHandler;
    }

    private MessageJsonHandler newJsonHandler() {
      return new MessageJsonHandler(
          getSupportedMethods(),
          gson -> {
            gson.registerTypeAdapterFactory(new DiagnosticJson());
            if (configureGson != null) {
              configureGson.accept(gson);
            }
          }) {
        @Override
        public Message parseMessage(CharSequence input) {
          try {
            return super.parseMessage(input);
          } catch (JsonParseException e) {
            throw parseError(e);
          }
        }

        @Override
        public Message parseMessage(Reader input) {
          try {
            return super.parseMessage(input);
          } catch (JsonParseException e) {
            throw parseError(e);
          }
        }

        /**
         * The message as JSON, built in a StringBuilder: lsp4j's StringWriter appends to a
         * synchronized StringBuffer, token by token, which was about a fifth of publishing a long
         * file's diagnostics.
         */
        @Override
        public String serialize(Message message) {
          StringBuilderWriter out = new StringBuilderWriter();
          serialize(message, out);
          return out.toString();
        }
      };
    }
  }

  /** A writer into a StringBuilder (not thread-safe, unlike StringWriter). */
  static final class StringBuilderWriter extends Writer {
    private final StringBuilder sb = new StringBuilder(1024);

    @Override
    public void write(int c) {
      sb.append((char) c);
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
      sb.append(cbuf, off, len);
    }

    @Override
    public void write(String str, int off, int len) {
      sb.append(str, off, off + len);
    }

    @Override
    public Writer append(CharSequence csq) {
      sb.append(csq);
      return this;
    }

    @Override
    public Writer append(char c) {
      sb.append(c);
      return this;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
      return sb.toString();
    }
  }

  private static MessageIssueException parseError(JsonParseException e) {
    RequestMessage unknown = new RequestMessage();
    unknown.setJsonrpc(MessageConstants.JSONRPC_VERSION);
    unknown.setMethod("");
    return new MessageIssueException(
        unknown,
        new MessageIssue(
            "Parse error: the message is not JSON: "
                + e.getMessage().lines().findFirst().orElse(""),
            ResponseErrorCode.ParseError.getValue(),
            e));
  }

  /**
   * Listens on {@code 127.0.0.1:port} ({@code 0}: any free port), tells {@code listening} the port,
   * and serves the first client that connects.
   */
  public static int serveSocket(int port, ImageMetadataSource images, IntConsumer listening)
      throws IOException {
    try (ServerSocket listener = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      listening.accept(listener.getLocalPort());
      try (Socket s = listener.accept()) {
        return serve(s.getInputStream(), s.getOutputStream(), images);
      }
    }
  }
}
