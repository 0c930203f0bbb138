package dev.dockerlint.cli;

import dev.dockerlint.engine.Linter;
import dev.dockerlint.engine.Report;
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
import picocli.CommandLine.Command;
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
    BuildOptions options = buildOptions();
    if (context != null && !Files.isDirectory(context)) {
      throw new ParameterException(
          spec.commandLine(), "--context '" + context + "' is not a directory");
    }
    PrintWriter err = spec.commandLine().getErr();
    List<String> args = paths.isEmpty() ? List.of(".") : paths;
    Linter linter = Linter.builtIn();
    List<FileResult> results = new ArrayList<>();
    int exit = ExitCode.CLEAN;
    for (Inputs.Input in : Inputs.expand(args, stdinFilename)) {
      if (in.error() != null) {
        err.println("dockerlint: " + in.error());
        results.add(FileResult.failed(in.display(), in.error()));
        exit = Math.max(exit, ExitCode.USAGE);
        continue;
      }
      Inputs.Read read = Inputs.read(in, stdin);
      if (read.error() != null) {
        err.println("dockerlint: " + read.error());
        results.add(FileResult.failed(in.display(), read.error()));
        exit = Math.max(exit, ExitCode.USAGE);
        continue;
      }
      Optional<Path> ctx =
          context != null
              ? Optional.of(context)
              : in.stdin()
                  ? Optional.empty()
                  : Optional.ofNullable(in.path().toAbsolutePath().getParent());
      Report report = linter.lint(in.display(), read.text(), options, ctx);
      results.add(FileResult.linted(in.display(), read.text(), report.diagnostics()));
      for (Diagnostic d : report.diagnostics()) {
        if (d.rule().code().equals(RuleRegistry.INTERNAL_ERROR.code())) {
          exit = Math.max(exit, ExitCode.INTERNAL);
        } else if (threshold.isPresent() && d.severity().atLeast(threshold.get())) {
          exit = Math.max(exit, ExitCode.FINDINGS);
        }
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    formatter.write(results, out);
    out.flush();
    return exit;
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

  private BuildOptions buildOptions() {
    BuildOptions o = BuildOptions.defaults();
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
