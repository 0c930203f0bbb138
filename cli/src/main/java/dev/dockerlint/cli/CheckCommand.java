package dev.dockerlint.cli;

import dev.dockerlint.config.Config;
import dev.dockerlint.config.ConfigException;
import dev.dockerlint.config.ConfigFinder;
import dev.dockerlint.config.ConfigWarning;
import dev.dockerlint.config.FailureThreshold;
import dev.dockerlint.engine.Fixer;
import dev.dockerlint.engine.Linter;
import dev.dockerlint.engine.Report;
import dev.dockerlint.image.ImageMetadataSource;
import dev.dockerlint.image.ImageSources;
import dev.dockerlint.image.RunAnswers;
import dev.dockerlint.image.cache.CacheWarnings;
import dev.dockerlint.output.FileResult;
import dev.dockerlint.registry.RuleRegistry;
import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.shellcheck.ShellcheckRequest;
import dev.dockerlint.shellcheck.ShellcheckRunner;
import dev.dockerlint.shellcheck.ShellcheckScripts;
import dev.dockerlint.syntax.DockerfileReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dockerlint check}: lint files, directories or stdin. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Lint Dockerfiles (the default command).",
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  no findings at or above the failure threshold (or --no-fail)",
      "  1  findings at or above the failure threshold; with --diff: fixes to apply",
      "  2  usage or configuration error, or an input that cannot be linted",
      "  3  internal error (details with --verbose)"
    })
public final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private final InputStream stdin;
  private final Env env;
  private final RuleRegistry registry;

  @Parameters(
      paramLabel = "PATH",
      description = "Dockerfiles, directories to search, or - for standard input (default: .)")
  List<String> paths = new ArrayList<>();

  @Mixin OutputOptions output = new OutputOptions();

  @Mixin LintOptions lint = new LintOptions();

  @Mixin FixOptions fixes = new FixOptions();

  @Mixin ImageSourceOptions images = new ImageSourceOptions();

  @Option(names = "--verbose", description = "Show stack traces of internal errors")
  boolean verbose;

  CheckCommand(InputStream stdin, Env env, RuleRegistry registry) {
    this.stdin = stdin;
    this.env = env;
    this.registry = registry;
  }

  @Override
  public Integer call() {
    List<String> args = paths.isEmpty() ? List.of(".") : paths;
    lint.validate(spec);
    fixes.validate(spec, args, output.explicit());
    PrintWriter err = spec.commandLine().getErr();
    ConfigFinder finder =
        ConfigFinder.fromEnvironment(Optional.ofNullable(lint.config), env.variables());
    Path cwd = Path.of("").toAbsolutePath();
    Config cwdConfig;
    List<IgnoreRules> excludes = new ArrayList<>();
    try {
      cwdConfig = finder.forDirectory(cwd);
      for (String a : args) {
        Path p = Path.of(a);
        if (!a.equals("-") && Files.isDirectory(p)) {
          Config c = finder.forDirectory(p);
          if (!c.exclude().isEmpty()) {
            Path base = c.source().map(s -> s.toAbsolutePath().getParent()).orElse(cwd);
            excludes.add(IgnoreRules.of(base, c.exclude()));
          }
        }
      }
    } catch (ConfigException e) {
      err.println("dockerlint: " + e.getMessage());
      return ExitCode.USAGE;
    }
    List<OutputOptions.Target> targets = output.targets(spec, cwdConfig.format());

    List<Job> jobs = new ArrayList<>();
    Set<String> configErrors = new LinkedHashSet<>();
    Map<Path, Config> configs = new LinkedHashMap<>();
    for (Inputs.Input in :
        Inputs.expand(args, lint.stdinFilename, excludes, lint.excludePatterns())) {
      Config c = Config.none();
      if (in.error() == null) {
        try {
          c = in.stdin() ? stdinConfig(finder, cwd) : finder.forFile(in.path());
        } catch (ConfigException e) {
          configErrors.add(e.getMessage());
        }
      }
      Config found = c;
      c.source().ifPresent(s -> configs.putIfAbsent(s, found));
      jobs.add(new Job(in, lint.effective(c, spec)));
    }
    if (!configErrors.isEmpty()) {
      configErrors.forEach(m -> err.println("dockerlint: " + m));
      return ExitCode.USAGE;
    }
    for (Config c : configs.values()) {
      for (ConfigWarning w : c.allWarnings(registry)) {
        err.println("dockerlint: warning: " + w);
      }
    }

    Linter linter = new Linter(registry);
    List<Outcome> outcomes;
    try (ImageSources sources = ImageSources.open(images.settings(cwdConfig, env.variables()))) {
      BuildOptions defaults = defaultBuildOptions(sources);
      prefetchShellcheck(jobs, defaults);
      outcomes = lintAll(jobs, linter, new RunAnswers(sources.source()), defaults);
    }
    if (verbose) {
      CacheWarnings.drain().forEach(w -> err.println("dockerlint: warning: " + w));
    }
    int exit = ExitCode.CLEAN;
    List<FileResult> results = new ArrayList<>();
    PrintWriter out = spec.commandLine().getOut();
    for (Outcome o : outcomes) {
      o.result().error().ifPresent(e -> err.println("dockerlint: " + e));
      o.writeError().ifPresent(e -> err.println("dockerlint: " + e));
      results.add(o.result());
      exit = Math.max(exit, o.exit());
      if (fixes.diff) {
        out.print(o.diff());
      }
    }
    if (!fixes.diff) {
      exit =
          Math.max(
              exit,
              OutputOptions.write(
                  targets, results, env.color(output.noColor), registry.metas(), out, err));
    }
    out.flush();
    return exit;
  }

    if (System.getProperty("dl.trace") != null)
      System.err.println(
          "T " + w + " " + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
  }

  /** DKL1501 image-not-inspected, which never changes the exit code. */
  private static final String IMAGE_NOT_INSPECTED = "DKL1501";

  private Config stdinConfig(ConfigFinder finder, Path cwd) {
    if (!lint.stdinFilename.equals("-")) {
      Path named = cwd.resolve(lint.stdinFilename);
      return finder.forFile(named);
    }
    return finder.forDirectory(cwd);
  }

  /** One input and the configuration that applies to it. */
  private record Job(Inputs.Input input, Config config) {}

  /** The result for one input, the exit code it asks for, its diff and a failed write. */
  private record Outcome(FileResult result, int exit, String diff, Optional<String> writeError) {
    static Outcome failed(String display, String error) {
      return new Outcome(FileResult.failed(display, error), ExitCode.USAGE, "", Optional.empty());
    }
  }

  /** How many files' scripts the ShellCheck prefetch reads before it starts checking them. */
  private static final int PREFETCH_CHUNK = 64;

  /**
   * Starts checking the RUN scripts of all files with ShellCheck in the background before linting
   * them, so that one shellcheck process checks many scripts while the files are linted (the
   * ShellCheck rule then waits for its results, or finds them cached). The files are read a chunk
   * at a time, and each chunk's scripts are handed over at once, so ShellCheck starts on the first
   * files while the others are read.
   */
  private void prefetchShellcheck(List<Job> jobs, BuildOptions defaults) {
    ShellcheckRunner runner = ShellcheckRunner.shared();
    if (jobs.size() < 2
        || jobs.stream().allMatch(j -> j.config().shellcheck() == Config.ShellcheckMode.OFF)
        || !runner.available()) {
      return;
    }
    List<Job> checked =
        jobs.stream()
            .filter(j -> j.input().error() == null && !j.input().stdin())
            .filter(j -> j.config().shellcheck() != Config.ShellcheckMode.OFF)
            .toList();
    for (int i = 0; i < checked.size(); i += PREFETCH_CHUNK) {
      List<ShellcheckRequest> requests =
          checked.subList(i, Math.min(checked.size(), i + PREFETCH_CHUNK)).parallelStream()
              .flatMap(
                  j -> {
                    Inputs.Read read = Inputs.read(j.input(), stdin);
                    if (read.error() != null) {
                      return java.util.stream.Stream.empty();
                    }
                    SemanticModel model =
                        SemanticModel.of(
                            DockerfileReader.parse(read.text()),
                            lint.buildOptions(spec, j.config(), defaults));
                    return ShellcheckScripts.requests(model).stream();
                  })
              .toList();
      runner.prefetchAsync(requests);
    }
  }

  /**
   * Without {@code --platform} or a configured one, the target is the Docker Engine's platform when
   * one answers (what {@code docker build} there builds for), else this machine's.
   */
  private BuildOptions defaultBuildOptions(ImageSources sources) {
    if (lint.platform != null) {
      return BuildOptions.defaults();
    }
    return sources
        .enginePlatform()
        .map(p -> new BuildOptions(p, p, Map.of(), Optional.empty()))
        .orElse(BuildOptions.defaults());
  }

  /** Lints the inputs in parallel (one task per file), keeping their order. */
  private List<Outcome> lintAll(
      List<Job> jobs, Linter linter, ImageMetadataSource images, BuildOptions defaults) {
    int threads = Math.min(jobs.size(), Runtime.getRuntime().availableProcessors());
    if (threads <= 1) {
      List<Outcome> out = new ArrayList<>();
      for (Job j : jobs) {
        out.add(lintOne(j, linter, images, defaults));
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
      for (Job j : jobs) {
        futures.add(pool.submit(() -> lintOne(j, linter, images, defaults)));
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

  private Outcome lintOne(Job job, Linter base, ImageMetadataSource images, BuildOptions defaults) {
    Inputs.Input in = job.input();
    if (in.error() != null) {
      return Outcome.failed(in.display(), in.error());
    }
    Inputs.Read read = Inputs.read(in, stdin);
    if (read.error() != null) {
      return Outcome.failed(in.display(), read.error());
    }
    Config config = job.config();
    Linter linter = base.withConfig(config);
    BuildOptions options = lint.buildOptions(spec, config, defaults);
    Optional<Path> ctx =
        lint.context != null
            ? Optional.of(lint.context)
            : in.stdin()
                ? Optional.empty()
                : Optional.ofNullable(in.path().toAbsolutePath().getParent());
    String text = read.text();
    Function<String, Report> lintText = t -> linter.lint(in.display(), t, options, ctx, images);
    Report report;
    String diff = "";
    Optional<String> writeError = Optional.empty();
    if (fixes.active()) {
      SourceFile source = SourceFile.of(text);
      Fixer.Result fixed = Fixer.fixAll(source.text(), lintText, fixes.allowed());
      report = fixed.report();
      text = fixed.text();
      if (fixed.changed(source.text())) {
        if (fixes.diff) {
          diff = UnifiedDiff.diff(in.display(), source.text(), fixed.text());
        } else {
          try {
            SourceFile.writeAtomically(in.path(), source.restore(fixed.text()));
          } catch (IOException e) {
            writeError = Optional.of("cannot write '" + in.display() + "': " + Inputs.reason(e));
          }
        }
      }
    } else {
      report = lintText.apply(text);
    }
    int exit = writeError.isPresent() ? ExitCode.USAGE : ExitCode.CLEAN;
    FailureThreshold threshold = lint.threshold(spec, config);
    boolean noFail = lint.noFail(config);
    for (Diagnostic d : report.diagnostics()) {
      if (d.rule().code().equals(RuleRegistry.INTERNAL_ERROR.code())) {
        exit = Math.max(exit, ExitCode.INTERNAL);
      } else if (d.rule().code().equals(IMAGE_NOT_INSPECTED)) {
        // about dockerlint's view of the images, not about the Dockerfile: never fails a run
        continue;
      } else if (!fixes.diff && !noFail && threshold.fails(d.severity())) {
        exit = Math.max(exit, ExitCode.FINDINGS);
      }
    }
    if (fixes.diff && !diff.isEmpty()) {
      exit = Math.max(exit, ExitCode.FINDINGS);
    }
    return new Outcome(
        FileResult.linted(in.display(), text, report.diagnostics()), exit, diff, writeError);
  }
}
