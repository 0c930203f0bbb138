package dev.dockerlint.cli;

import dev.dockerlint.image.ImageMetadataSource;
import dev.dockerlint.image.ImageSourceSettings;
import dev.dockerlint.image.ImageSources;
import dev.dockerlint.image.Lookup;
import dev.dockerlint.lsp.LspLauncher;
import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dockerlint lsp}: the language server, on standard input and output (the default) or on a
 * loopback TCP port. Settings come from the client under the {@code dockerlint} key.
 */
@Command(
    name = "lsp",
    mixinStandardHelpOptions = true,
    description = {
      "Run the language server (LSP) on standard input/output, or on 127.0.0.1:PORT.",
      "Editors start it as: dockerlint lsp [--stdio]"
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  the client sent shutdown and exit",
      "  1  the client went away without shutdown",
      "  2  usage error",
      "  3  internal error"
    })
public final class LspCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private final InputStream in;
  private final OutputStream out;

  @Option(
      names = "--stdio",
      description = "Use standard input/output (the default; accepted for editors that pass it)")
  boolean stdio;

  @Option(
      names = "--socket",
      paramLabel = "PORT",
      description =
          "Listen on 127.0.0.1:PORT (0: any free port, printed on standard error) and serve one client")
  Integer socket;

  @Mixin ImageSourceOptions imageOptions;

  @Parameters(hidden = true, arity = "0..*")
  List<String> ignored = new ArrayList<>();

  LspCommand(InputStream in, OutputStream out) {
    this.in = in;
    this.out = out;
  }

  /**
   * Serves {@code dockerlint lsp} and {@code dockerlint lsp --stdio}, the way editors start the
   * server, without building picocli's model of the command line: that takes a tenth of a second of
   * start-up, before the server can answer {@code initialize}. Empty for any other arguments, and
   * when {@code $DOCKERLINT_IMAGE_SOURCE} is invalid (picocli reports that): those go through
   * picocli, which serves them the same way.
   */
  static Optional<Integer> serveWithoutParsing(
      String[] args, InputStream in, OutputStream out, PrintStream err) {
    if (!servesWithoutParsing(args)) {
      return Optional.empty();
    }
    LspCommand command = new LspCommand(in, out);
    command.imageOptions = new ImageSourceOptions();
    try {
      return Optional.of(command.call());
    } catch (IOException | RuntimeException e) {
      err.println("dockerlint: internal error: " + e);
      err.flush();
      return Optional.of(ExitCode.INTERNAL);
    }
  }

  /**
   * Whether {@code args} (the full command line) serve a client on standard input and output, so
   * that its {@code initialize} can be answered before the command line is read: {@code lsp}
   * without {@code --socket} or a help or version option. Options picocli then rejects end the
   * server as before, after the answer.
   */
  static boolean servesStdio(String[] args) {
    if (args.length == 0 || !args[0].equals("lsp")) {
      return false;
    }
    for (String a : args) {
      if (a.equals("--socket")
          || a.startsWith("--socket=")
          || a.equals("-h")
          || a.equals("--help")
          || a.equals("-V")
          || a.equals("--version")) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@link #serveWithoutParsing} serves {@code args} (the full command line). */
  static boolean servesWithoutParsing(String[] args) {
    boolean plain = args.length == 1 || (args.length == 2 && args[1].equals("--stdio"));
    if (args.length == 0 || !args[0].equals("lsp") || !plain) {
      return false;
    }
    String mode = System.getenv("DOCKERLINT_IMAGE_SOURCE");
    return mode == null || ImageSourceSettings.Mode.parse(mode).isPresent();
  }

  @Override
  public Integer call() throws IOException {
    ImageSourceSettings settings = imageOptions.settings();
    // Opening the image sources loads Jackson and the registry client, tens of milliseconds the
    // answer to `initialize` need not wait for: they open on another thread meanwhile, and the
    // first image lookup (on the server's image threads) waits for them if it comes sooner.
    CompletableFuture<ImageSources> opening = new CompletableFuture<>();
    Thread opener =
        new Thread(
            () -> {
              try {
                opening.complete(ImageSources.open(settings));
              } catch (RuntimeException | Error e) {
                opening.completeExceptionally(e);
              }
            },
            "dockerlint-image-sources");
    opener.setDaemon(true);
    opener.start();
    try {
      return serve(new Opening(opening));
    } finally {
      opening.thenAccept(ImageSources::close);
    }
  }

  /**
   * The image source being opened: asks it once it is open; when opening failed, knows nothing and
   * says why.
   */
  private static final class Opening implements ImageMetadataSource {
    private final CompletableFuture<ImageSources> opening;

    Opening(CompletableFuture<ImageSources> opening) {
      this.opening = opening;
    }

    private ImageMetadataSource source() {
      try {
        return opening.join().source();
      } catch (CompletionException | CancellationException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return ImageMetadataSource.none("the image sources could not be opened: " + cause);
      }
    }

    @Override
    public Lookup lookup(ImageRef ref, Platform platform, boolean withFiles) {
      return source().lookup(ref, platform, withFiles);
    }

    @Override
    public boolean enabled() {
      return source().enabled();
    }
  }

  private int serve(ImageMetadataSource images) throws IOException {
    if (out == System.out) {
      // Standard output carries the protocol: anything else printed there would corrupt it.
      System.setOut(System.err);
    }
    if (socket != null) {
      return LspLauncher.serveSocket(
          socket,
          images,
          port ->
              spec.commandLine()
                  .getErr()
                  .println("dockerlint: language server listening on 127.0.0.1:" + port));
    }
    return LspLauncher.serve(in, out, images);
  }
}
