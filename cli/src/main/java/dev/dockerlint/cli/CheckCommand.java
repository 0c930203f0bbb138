package dev.dockerlint.cli;

import dev.dockerlint.engine.Linter;
import dev.dockerlint.engine.Report;
import dev.dockerlint.image.ImageMetadataSource;
import dev.dockerlint.image.ImageSourceSettings;
import dev.dockerlint.image.ImageSources;
import dev.dockerlint.image.cache.CacheWarnings;
import dev.dockerlint.output.FileResult;
import dev.dockerlint.output.Formatter;
import dev.dockerlint.output.JsonFormatter;
import dev.dockerlint.output.TtyFormatter;
import dev.dockerlint.registry.RuleRegistry;
import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.semantic.Platform;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dockerlint check}: lint files, directories or stdin. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Lint Dockerfiles (the default command).",
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  no findings at or above the failure threshold",
      "  1  findings at or above the failure threshold",
      "  2  usage error, or an input that cannot be linted",
      "  3  internal error"
    })
public final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private final InputStream stdin;

  @Parameters(
      paramLabel = "PATH",
      description = "Dockerfiles, directories to search, or - for standard input (default: .)")
  List<String> paths = new ArrayList<>();

  @Option(
      names = {"-f", "--format"},
      description = "Output format: tty or json (default: ${DEFAULT-VALUE})",
      defaultValue = "tty")
  String format;

  @Option(
      names = "--context",
      paramLabel = "DIR",
      description = "Build context (default: the Dockerfile's folder)")
  Path context;

  @Option(
      names = "--platform",
      paramLabel = "OS/ARCH[/VARIANT]",
      description = "Target platform (default: this machine's)")
  String platform;

  @Option(
      names = "--build-arg",
      paramLabel = "KEY=VALUE",
      description = "Build argument, as for docker build (repeatable)")
  List<String> buildArgs = new ArrayList<>();

  @Option(
      names = "--failure-threshold",
      paramLabel = "LEVEL",
      description =
          "Exit with 1 when a finding is at least this severe: error, warning, info, style, none (default: ${DEFAULT-VALUE})",
      defaultValue = "info")
  String failureThreshold;

  @Option(
      names = "--stdin-filename",
      paramLabel = "NAME",
      description = "Name to report for standard input")
  String stdinFilename = "-";

  @Mixin ImageSourceOptions images = new ImageSourceOptions();

  @Option(names = "--no-color", description = "Never colour the output")
  boolean noColor;

  @Option(names = "--verbose", description = "Show stack traces of internal errors")
  boolean verbose;

  CheckCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() {
    Formatter formatter = formatter();
    Optional<Severity> threshold = threshold();
    ImageSourceSettings imageSettings = images.settings();
    if (context != null && !Files.isDirectory(context)) {
      throw new ParameterException(
          spec.commandLine(), "--context '" + context + "' is not a directory");
    }
    PrintWriter err = spec.commandLine().getErr();
    List<String> args = paths.isEmpty() ? List.of(".") : paths;
    Linter linter = Linter.builtIn();
    List<Inputs.Input> inputs = Inputs.expand(args, stdinFilename);
    List<Outcome> outcomes;
    try (ImageSources sources = ImageSources.open(imageSettings)) {
      BuildOptions options = buildOptions(sources);
      outcomes = lintAll(inputs, linter, options, threshold, sources.source());
    }
    if (verbose) {
      CacheWarnings.drain().forEach(w -> err.println("dockerlint: warning: " + w));
    }
    List<FileResult> results = new ArrayList<>();
    int exit = ExitCode.CLEAN;
    for (Outcome o : outcomes) {
      o.result().error().ifPresent(e -> err.println("dockerlint: " + e));
      results.add(o.result());
      exit = Math.max(exit, o.exit());
    }
    PrintWriter out = spec.commandLine().getOut();
    formatter.write(results, out);
    out.flush();
    return exit;
  }

  /** The result for one input and the exit code it asks for. */
  private record Outcome(FileResult result, int exit) {}

  /** Lints the inputs in parallel (one task per file), keeping their order. */
  private List<Outcome> lintAll(
      List<Inputs.Input> inputs,
      Linter linter,
      BuildOptions options,
      Optional<Severity> threshold,
      ImageMetadataSource images) {
    int threads = Math.min(inputs.size(), Runtime.getRuntime().availableProcessors());
    if (threads <= 1) {
      List<Outcome> out = new ArrayList<>();
      for (Inputs.Input in : inputs) {
        out.add(lintOne(in, linter, options, threshold, images));
      }
      return out;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "dockerlint-lint");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (Inputs.Input in : inputs) {
        futures.add(pool.submit(() -> lintOne(in, linter, options, threshold, images)));
      }
      List<Outcome> out = new ArrayList<>();
      for (Future<Outcome> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private Outcome lintOne(
      Inputs.Input in,
      Linter linter,
      BuildOptions options,
      Optional<Severity> threshold,
      ImageMetadataSource images) {
    if (in.error() != null) {
      return new Outcome(FileResult.failed(in.display(), in.error()), ExitCode.USAGE);
    }
    Inputs.Read read = Inputs.read(in, stdin);
    if (read.error() != null) {
      return new Outcome(FileResult.failed(in.display(), read.error()), ExitCode.USAGE);
    }
    Optional<Path> ctx =
        context != null
            ? Optional.of(context)
            : in.stdin()
                ? Optional.empty()
                : Optional.ofNullable(in.path().toAbsolutePath().getParent());
    Report report = linter.lint(in.display(), read.text(), options, ctx, images);
    int exit = ExitCode.CLEAN;
    for (Diagnostic d : report.diagnostics()) {
      if (d.rule().code().equals(RuleRegistry.INTERNAL_ERROR.code())) {
        exit = Math.max(exit, ExitCode.INTERNAL);
      } else if (d.rule().code().equals(IMAGE_NOT_INSPECTED)) {
        // about dockerlint's view of the images, not about the Dockerfile: never fails a run
        continue;
      } else if (threshold.isPresent() && d.severity().atLeast(threshold.get())) {
        exit = Math.max(exit, ExitCode.FINDINGS);
      }
    }
    return new Outcome(FileResult.linted(in.display(), read.text(), report.diagnostics()), exit);
  }

  private Formatter formatter() {
    return switch (format) {
      case "json" -> new JsonFormatter();
      case "tty" ->
          new TtyFormatter(
              !noColor && System.getenv("NO_COLOR") == null && System.console() != null);
      default ->
          throw new ParameterException(
              spec.commandLine(), "unknown --format '" + format + "' (expected tty or json)");
    };
  }

  private Optional<Severity> threshold() {
    if (failureThreshold.equalsIgnoreCase("none")) {
      return Optional.empty();
    }
    return Optional.of(
        Severity.parse(failureThreshold)
            .orElseThrow(
                () ->
                    new ParameterException(
                        spec.commandLine(),
                        "unknown --failure-threshold '"
                            + failureThreshold
                            + "' (expected error, warning, info, style or none)")));
  }

  /** DKL1501 image-not-inspected, which never changes the exit code. */
  private static final String IMAGE_NOT_INSPECTED = "DKL1501";

  /**
   * The build options; without {@code --platform} the target is the Docker Engine's platform when
   * one answers (what {@code docker build} there would build for), else this machine's.
   */
  private BuildOptions buildOptions(ImageSources sources) {
    BuildOptions o = BuildOptions.defaults();
    if (platform == null) {
      Optional<Platform> engine = sources.enginePlatform();
      if (engine.isPresent()) {
        o = new BuildOptions(engine.get(), engine.get(), Map.of(), Optional.empty());
      }
    }
    if (platform != null) {
      Platform p =
          Platform.parse(platform)
              .orElseThrow(
                  () ->
                      new ParameterException(
                          spec.commandLine(),
                          "invalid --platform '"
                              + platform
                              + "' (expected os/arch[/variant], e.g. linux/arm64)"));
      o = o.withTargetPlatform(p);
    }
    Map<String, String> args = new LinkedHashMap<>();
    for (String kv : buildArgs) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new ParameterException(
            spec.commandLine(), "invalid --build-arg '" + kv + "' (expected KEY=VALUE)");
      }
      args.put(kv.substring(0, eq), kv.substring(eq + 1));
    }
    return o.withBuildArgs(args);
  }
}
