package dev.dockerlint.cli;

import dev.dockerlint.config.Config;
import dev.dockerlint.config.FailureThreshold;
import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.semantic.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * What to lint against and when to fail: configuration file, build context, platform, build
 * arguments, failure threshold, pragmas, excludes, the name of standard input. Command-line values
 * win over the configuration's.
 */
final class LintOptions {
  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description =
          "Configuration file (default: the nearest .dockerlint.yaml above each Dockerfile, then"
              + " $XDG_CONFIG_HOME/dockerlint/config.yaml, then .hadolint.yaml)")
  Path config;

  @Option(
      names = "--context",
      paramLabel = "DIR",
      description = "Build context (default: the Dockerfile's folder)")
  Path context;

  @Option(
      names = "--platform",
      paramLabel = "OS/ARCH[/VARIANT]",
      description =
          "Target platform (default: the configuration's, else the Docker Engine's when one"
              + " answers, else this machine's)")
  String platform;

  @Option(
      names = "--build-arg",
      paramLabel = "KEY=VALUE",
      description = "Build argument, as for docker build (repeatable)")
  List<String> buildArgs = new ArrayList<>();

  @Mixin FailureOptions failure = new FailureOptions();

  @Option(
      names = "--disable-ignore-pragma",
      description = "Ignore suppression comments (# dockerlint/hadolint ignore=, # check=skip=)")
  boolean disableIgnorePragma;

  @Option(
      names = "--exclude",
      paramLabel = "PATTERN",
      description = "Skip matching paths when searching folders (.gitignore syntax; repeatable)")
  List<String> excludes = new ArrayList<>();

  @Option(
      names = "--shellcheck",
      paramLabel = "WHEN",
      description =
          "Run ShellCheck on RUN scripts: auto (when the shellcheck executable is installed), on"
              + " (a missing executable is an error), off (default: the configuration's, else"
              + " auto)")
  String shellcheck;

  @Option(
      names = "--stdin-filename",
      paramLabel = "NAME",
      description = "Name to report for standard input (-)")
  String stdinFilename = "-";

  @Option(
      names = "--lint-timeout",
      paramLabel = "SECONDS",
      description =
          "Give up on a file whose lint has not ended after this long (an internal error, exit 3;"
              + " the other files are still linted; default: ${DEFAULT-VALUE})")
  double lintTimeoutSeconds = 300;

  /** How long a file's lint may take (see {@link TimedTasks}). */
  Duration lintTimeout() {
    return Duration.ofNanos((long) (lintTimeoutSeconds * 1e9));
  }

  private void checkLintTimeout(CommandSpec spec) {
    if (!(lintTimeoutSeconds > 0) || lintTimeoutSeconds > 1e9) {
      throw new ParameterException(
          spec.commandLine(), "--lint-timeout must be a number of seconds above 0");
    }
  }

  Optional<Config.ShellcheckMode> shellcheck(CommandSpec spec) {
    if (shellcheck == null) {
      return Optional.empty();
    }
    return Optional.of(
        Config.ShellcheckMode.parse(shellcheck)
            .orElseThrow(
                () ->
                    new ParameterException(
                        spec.commandLine(),
                        "unknown --shellcheck '" + shellcheck + "' (expected auto, on or off)")));
  }

  /** Checks the values that can be checked before any file is read. */
  void validate(CommandSpec spec) {
    failure.threshold(spec);
    checkLintTimeout(spec);
    shellcheck(spec);
    cliPlatform(spec);
    cliBuildArgs(spec);
    if (context != null && !Files.isDirectory(context)) {
      throw new ParameterException(
          spec.commandLine(), "--context '" + context + "' is not a directory");
    }
  }

  /**
   * The build settings for a file: {@code defaults} (this machine's or the Docker Engine's
   * platform), the configuration's on top, then the command line's.
   */
  BuildOptions buildOptions(CommandSpec spec, Config config, BuildOptions defaults) {
    BuildOptions o = config.applyTo(defaults);
    Optional<Platform> p = cliPlatform(spec);
    if (p.isPresent()) {
      o = o.withTargetPlatform(p.get());
    }
    Map<String, String> args = new LinkedHashMap<>(o.buildArgs());
    args.putAll(cliBuildArgs(spec));
    return o.withBuildArgs(args);
  }

  /** The configuration with the command line's rule settings on top. */
  Config effective(Config config, CommandSpec spec) {
    Optional<Config.ShellcheckMode> sc = shellcheck(spec);
    boolean pragmas = disableIgnorePragma && !config.disableIgnorePragma();
    if (!pragmas && sc.isEmpty()) {
      return config;
    }
    Config.Builder b = config.toBuilder();
    if (pragmas) {
      b.disableIgnorePragma(true);
    }
    sc.ifPresent(b::shellcheck);
    return b.build();
  }

  FailureThreshold threshold(CommandSpec spec, Config config) {
    return failure.threshold(spec, config);
  }

  boolean noFail(Config config) {
    return failure.noFail(config);
  }

  private Optional<Platform> cliPlatform(CommandSpec spec) {
    if (platform == null) {
      return Optional.empty();
    }
    return Optional.of(
        Platform.parse(platform)
            .orElseThrow(
                () ->
                    new ParameterException(
                        spec.commandLine(),
                        "invalid --platform '"
                            + platform
                            + "' (expected os/arch[/variant], e.g. linux/arm64)")));
  }

  private Map<String, String> cliBuildArgs(CommandSpec spec) {
    Map<String, String> args = new LinkedHashMap<>();
    for (String kv : buildArgs) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new ParameterException(
            spec.commandLine(), "invalid --build-arg '" + kv + "' (expected KEY=VALUE)");
      }
      args.put(kv.substring(0, eq), kv.substring(eq + 1));
    }
    return args;
  }

  /** {@code --exclude} patterns, relative to each folder named on the command line. */
  List<String> excludePatterns() {
    return List.copyOf(excludes);
  }
}
