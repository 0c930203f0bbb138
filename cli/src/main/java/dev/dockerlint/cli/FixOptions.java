package dev.dockerlint.cli;

import dev.dockerlint.engine.Fixer;
import dev.dockerlint.rules.Applicability;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --fix}, {@code --unsafe-fixes}, {@code --diff}. */
final class FixOptions {
  @Option(names = "--fix", description = "Apply every safe fix in place, then report what is left")
  boolean fix;

  @Option(
      names = "--unsafe-fixes",
      description = "With --fix or --diff: also apply fixes that may change behaviour")
  boolean unsafeFixes;

  @Option(
      names = "--diff",
      description =
          "Print the fixes as a unified diff instead of writing them; exit 1 when there are any")
  boolean diff;

  boolean active() {
    return fix || diff;
  }

  Set<Applicability> allowed() {
    return Fixer.allowed(unsafeFixes);
  }

  void validate(CommandSpec spec, List<String> paths, boolean formatGiven) {
    if (unsafeFixes && !active()) {
      throw new ParameterException(spec.commandLine(), "--unsafe-fixes needs --fix or --diff");
    }
    if (fix && !diff && paths.contains("-")) {
      throw new ParameterException(
          spec.commandLine(), "--fix cannot write to standard input; use --diff to see the fixes");
    }
    if (diff && formatGiven) {
      throw new ParameterException(
          spec.commandLine(), "--diff prints a diff, not a report; drop --format");
    }
  }
}
