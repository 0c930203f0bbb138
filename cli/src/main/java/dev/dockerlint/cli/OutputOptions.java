package dev.dockerlint.cli;

import dev.dockerlint.output.FileResult;
import dev.dockerlint.output.Formats;
import dev.dockerlint.output.Formatter;
import dev.dockerlint.rules.RuleMeta;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --format F [-o FILE]}, repeatable: each format goes to the file given right after it, or
 * to standard output (at most one may). {@code --no-color}.
 */
final class OutputOptions {
  /** One {@code --format} and its optional {@code -o}. */
  static final class Output {
    @Option(
        names = {"-f", "--format"},
        required = true,
        paramLabel = "FORMAT",
        description = {
          "Output format: tty (default), json, sarif, checkstyle, gitlab, github, gnu, junit.",
          "Repeatable; each pairs with the -o that follows it"
        })
    String format;

    @Option(
        names = {"-o", "--output-file"},
        paramLabel = "FILE",
        description = "Write the preceding --format to FILE instead of standard output")
    Path file;
  }

  @ArgGroup(exclusive = false, multiplicity = "0..*")
  List<Output> outputs = new ArrayList<>();

  @Option(names = "--no-color", description = "Never colour the output (also: NO_COLOR=1)")
  boolean noColor;

  /** A format and where it goes (empty: standard output). */
  record Target(String format, Optional<Path> file) {}

  /**
   * The outputs asked for, or the configured format (else tty) on standard output. Unknown formats
   * and two formats on standard output are usage errors.
   */
  List<Target> targets(CommandSpec spec, Optional<String> configured) {
    List<Target> out = new ArrayList<>();
    for (Output o : outputs) {
      if (!Formats.NAMES.contains(o.format)) {
        throw new ParameterException(
            spec.commandLine(),
            "unknown --format '"
                + o.format
                + "' (expected "
                + String.join(", ", Formats.NAMES)
                + ")");
      }
      out.add(new Target(o.format, Optional.ofNullable(o.file)));
    }
    if (out.isEmpty()) {
      out.add(new Target(configured.orElse("tty"), Optional.empty()));
    }
    if (out.stream().filter(t -> t.file().isEmpty()).count() > 1) {
      throw new ParameterException(
          spec.commandLine(),
          "only one --format can write to standard output; give the others an -o FILE");
    }
    return out;
  }

  boolean explicit() {
    return !outputs.isEmpty();
  }

  /**
   * Writes {@code results} in each target's format, to its file or to {@code out}; colours only on
   * standard output when {@code color} allows. A file that cannot be written is one line on {@code
   * err} and exit code 2, else 0.
   */
  static int write(
      List<Target> targets,
      List<FileResult> results,
      boolean color,
      List<RuleMeta> rules,
      PrintWriter out,
      PrintWriter err) {
    int exit = ExitCode.CLEAN;
    for (Target t : targets) {
      Formats.Settings settings =
          new Formats.Settings(t.file().isEmpty() && color, VersionCommand.number(), rules);
      Formatter f = Formats.create(t.format(), settings).orElseThrow();
      if (t.file().isEmpty()) {
        f.write(results, out);
        continue;
      }
      try (Writer w = Files.newBufferedWriter(t.file().get(), StandardCharsets.UTF_8)) {
        f.write(results, w);
      } catch (IOException | UncheckedIOException e) {
        IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
        err.println("dockerlint: cannot write '" + t.file().get() + "': " + Inputs.reason(cause));
        exit = ExitCode.USAGE;
      }
    }
    return exit;
  }
}
