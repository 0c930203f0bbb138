package dev.dockerlint.cli;

import dev.dockerlint.config.Config;
import dev.dockerlint.config.ConfigException;
import dev.dockerlint.config.ConfigFinder;
import dev.dockerlint.config.ConfigWarning;
import dev.dockerlint.config.FailureThreshold;
import dev.dockerlint.context.ContextFiles;
import dev.dockerlint.engine.Fixer;
import dev.dockerlint.engine.Linter;
import dev.dockerlint.engine.Report;
import dev.dockerlint.image.ImageMetadataSource;
import dev.dockerlint.image.ImageSources;
import dev.dockerlint.image.MemoizingSource;
import dev.dockerlint.image.cache.CacheWarnings;
import dev.dockerlint.output.FileResult;
import dev.dockerlint.registry.RuleRegistry;
import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.RuleMeta;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Stack;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
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
  private final Supplier<RuleRegistry> rules;

  @Parameters(
      paramLabel = "PATH",
      description = "Dockerfiles, directories to search, or - for standard input (default: .)",
      parameterConsumer = Paths.class)
  List<String> paths = new ArrayList<>();

  /**
   * Takes a run of paths at once. picocli's own handling of a positional parameter compares it with
   * every option and copies the list it adds to, which grows with the square of the number of
   * paths: a sixth of a second for the thousand files a shell glob passes. picocli calls this for
   * an argument it has decided is a path; the ones after it are paths too, up to the first that
   * looks like an option ({@code -} alone is standard input), which is left to picocli. After
   * {@code --} picocli calls this again for each argument that looks like an option, so those stay
   * paths.
   */
  static final class Paths implements IParameterConsumer {
    @Override
    public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
      List<String> into = argSpec.getValue();
      into.add(args.pop());
      while (!args.isEmpty() && !(args.peek().startsWith("-") && args.peek().length() > 1)) {
        into.add(args.pop());
      }
    }
  }

  @Mixin OutputOptions output = new OutputOptions();

  @Mixin LintOptions lint = new LintOptions();

  @Mixin FixOptions fixes = new FixOptions();

  @Mixin ImageSourceOptions images = new ImageSourceOptions();

  @Option(names = "--verbose", description = "Show stack traces of internal errors")
  boolean verbose;

  CheckCommand(InputStream stdin, Env env, Supplier<RuleRegistry> rules) {
    this.stdin = stdin;
    this.env = env;
    this.rules = rules;
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
    RuleRegistry registry = rules.get();
    for (Config c : configs.values()) {
      for (ConfigWarning w : c.allWarnings(registry)) {
        err.println("dockerlint: warning: " + w);
      }
    }

    // a run lints a snapshot: contexts that several Dockerfiles share are read once
    Linter linter = new Linter(registry).withContextFiles(ContextFiles.remembering());
    List<Outcome> outcomes;
    try (ImageSources sources = ImageSources.open(images.settings(cwdConfig, env.variables()))) {
      BuildOptions defaults = defaultBuildOptions(sources);
      outcomes = lintAll(jobs, linter, MemoizingSource.forRun(sources.source()), defaults);
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

    /**
     * A lint that ran longer than {@code --lint-timeout}: an internal error (a bug), reported on
     * one line; the other files are still linted.
     */
    static Outcome timedOut(String display, Duration limit) {
      return new Outcome(
          FileResult.failed(
              display,
              "internal error: linting '"
                  + display
                  + "' did not end within "
                  + TimedTasks.seconds(limit)
                  + " s (--lint-timeout) and was given up; please report it with the file"),
          ExitCode.INTERNAL,
          "",
          Optional.empty());
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

  /** How many files a ShellCheck prefetch task reads before it hands their scripts over. */
  private static final int PREFETCH_CHUNK = 32;

  /** A file read, and parsed when its scripts were handed to ShellCheck ahead of its lint. */
  private record Prepared(Inputs.Read read, Optional<SemanticModel> model) {}

  /**
   * Lints the inputs in parallel (one task per file), keeping their order.
   *
   * <p>When ShellCheck runs, files are read and parsed a chunk at a time ahead of their lint, and
   * each chunk's RUN scripts are handed to ShellCheck at once, so that one shellcheck process
   * checks many scripts in the background while files are linted (the ShellCheck rule then waits
   * for its results, or finds them cached). A chunk is prepared at most two chunks ahead of the
   * lint, and its lint uses the model parsed then: each file is read and parsed once.
   */
  private List<Outcome> lintAll(
      List<Job> jobs, Linter linter, ImageMetadataSource images, BuildOptions defaults) {
    int threads = Math.max(1, Math.min(jobs.size(), Runtime.getRuntime().availableProcessors()));
    boolean prefetch = prefetchesShellcheck(jobs);
    try (TimedTasks tasks = new TimedTasks(threads, lint.lintTimeout(), "dockerlint-lint")) {
      AtomicReferenceArray<Prepared> prepared = new AtomicReferenceArray<>(jobs.size());
      List<TimedTasks.Task<Void>> chunks = new ArrayList<>();
      List<TimedTasks.Task<Outcome>> lints = new ArrayList<>();
      int chunkCount = prefetch ? (jobs.size() + PREFETCH_CHUNK - 1) / PREFETCH_CHUNK : 0;
      int submittedChunks = 0;
      for (int i = 0; i < jobs.size(); i++) {
        int chunk = i / PREFETCH_CHUNK;
        // the FIFO queue keeps preparation at most two chunks ahead of the lint
        while (submittedChunks < chunkCount && submittedChunks <= chunk + 1) {
          int c = submittedChunks++;
          chunks.add(
              tasks.submit(
                  () -> {
                    prepareChunk(jobs, c, prepared, defaults);
                    return null;
                  }));
        }
        int index = i;
        Job j = jobs.get(i);
        TimedTasks.Task<Void> mine = prefetch ? chunks.get(chunk) : null;
        lints.add(
            tasks.submit(
                task -> {
                  Prepared p = null;
                  if (mine != null) {
                    try {
                      tasks.await(mine);
                      p = prepared.getAndSet(index, null);
                    } catch (TimedTasks.TimedOut e) {
                      // the chunk is stuck on another file: this one is read and parsed here
                    }
                  }
                  task.start();
                  if (p == null) {
                    p = prepare(j, defaults, false);
                  }
                  return lintOne(j, p, linter, images, defaults);
                }));
      }
      List<Outcome> out = new ArrayList<>();
      for (int i = 0; i < jobs.size(); i++) {
        try {
          out.add(tasks.await(lints.get(i)));
        } catch (TimedTasks.TimedOut e) {
          out.add(Outcome.timedOut(jobs.get(i).input().display(), tasks.limit()));
        }
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Whether the RUN scripts of these files are handed to ShellCheck ahead of their lint. */
  private boolean prefetchesShellcheck(List<Job> jobs) {
    return jobs.size() >= 2
        && jobs.stream().anyMatch(j -> j.config().shellcheck() != Config.ShellcheckMode.OFF)
        && ShellcheckRunner.shared().available();
  }

  /** Reads and parses chunk {@code c} of the files and hands their scripts to ShellCheck. */
  private void prepareChunk(
      List<Job> jobs, int c, AtomicReferenceArray<Prepared> prepared, BuildOptions defaults) {
    List<ShellcheckRequest> requests = new ArrayList<>();
    for (int i = c * PREFETCH_CHUNK; i < Math.min(jobs.size(), (c + 1) * PREFETCH_CHUNK); i++) {
      Job j = jobs.get(i);
      if (j.input().error() != null
          || j.input().stdin()
          || j.config().shellcheck() == Config.ShellcheckMode.OFF) {
        continue;
      }
      Prepared p = prepare(j, defaults, true);
      p.model().ifPresent(m -> requests.addAll(ShellcheckScripts.requests(m)));
      prepared.set(i, p);
    }
    ShellcheckRunner.shared().prefetchAsync(requests);
  }

  /** Reads a file and, if {@code parse}, builds its model as its lint will (not for --fix). */
  private Prepared prepare(Job j, BuildOptions defaults, boolean parse) {
    Inputs.Read read =
        j.input().error() != null ? new Inputs.Read(null, null) : Inputs.read(j.input(), stdin);
    if (!parse || read.error() != null || read.text() == null) {
      return new Prepared(read, Optional.empty());
    }
    BuildOptions options = lint.buildOptions(spec, j.config(), defaults);
    return new Prepared(
        read, Optional.of(SemanticModel.of(DockerfileReader.parse(read.text()), options)));
  }

  private Outcome lintOne(
      Job job, Prepared prepared, Linter base, ImageMetadataSource images, BuildOptions defaults) {
    Inputs.Input in = job.input();
    if (in.error() != null) {
      return Outcome.failed(in.display(), in.error());
    }
    Inputs.Read read = prepared.read();
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
      report =
          prepared
              .model()
              .map(m -> linter.lint(in.display(), m, ctx, images, RuleMeta::enabledByDefault))
              .orElseGet(() -> lintText.apply(read.text()));
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
