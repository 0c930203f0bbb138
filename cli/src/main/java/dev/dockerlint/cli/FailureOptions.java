package dev.dockerlint.cli;

import dev.dockerlint.config.Config;
import dev.dockerlint.config.FailureThreshold;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * When a run fails: {@code --failure-threshold} and {@code --no-fail}, shared by every command that
 * reports findings. Command-line values win over the configuration's.
 */
final class FailureOptions {
  @Option(
      names = {"-t", "--failure-threshold"},
      paramLabel = "LEVEL",
      description =
          "Exit with 1 when a finding is at least this severe: error, warning, info, style, none"
              + " (default: the configuration's, else info)")
  String failureThreshold;

  @Option(names = "--no-fail", description = "Exit with 0 even when there are findings")
  boolean noFail;

  /** The threshold given on the command line; a usage error when it names no level. */
  Optional<FailureThreshold> threshold(CommandSpec spec) {
    if (failureThreshold == null) {
      return Optional.empty();
    }
    return Optional.of(
        FailureThreshold.parse(failureThreshold)
            .orElseThrow(
                () ->
                    new ParameterException(
                        spec.commandLine(),
                        "unknown --failure-threshold '"
                            + failureThreshold
                            + "' (expected "
                            + FailureThreshold.EXPECTED
                            + ")")));
  }

  FailureThreshold threshold(CommandSpec spec, Config config) {
    return threshold(spec).or(config::failureThreshold).orElse(FailureThreshold.DEFAULT);
  }

  boolean noFail(Config config) {
    return noFail || config.noFail();
  }
}
