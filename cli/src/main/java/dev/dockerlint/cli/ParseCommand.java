package dev.dockerlint.cli;

import dev.dockerlint.syntax.BuildkitDump;
import dev.dockerlint.syntax.Dockerfile;
import dev.dockerlint.syntax.DockerfileReader;
import dev.dockerlint.syntax.SyntaxProblem;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dockerlint parse --format buildkit FILE}: the parse tree in the format of BuildKit's
 * parser tests, to compare our parser with BuildKit's. A file BuildKit's parser rejects gets a
 * one-line error and exit code 2.
 */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description = "Print the parse tree of a Dockerfile.")
public final class ParseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The Dockerfile, or - for standard input")
  String file;

  @Option(
      names = "--format",
      description = "Output format: buildkit (default: ${DEFAULT-VALUE})",
      defaultValue = "buildkit")
  String format;

  @Override
  public Integer call() {
    if (!format.equals("buildkit")) {
      throw new ParameterException(
          spec.commandLine(), "unknown --format '" + format + "' (expected buildkit)");
    }
    PrintWriter err = spec.commandLine().getErr();
    Inputs.Input in = Inputs.expand(java.util.List.of(file), "-").get(0);
    if (in.error() != null) {
      err.println("dockerlint: " + in.error());
      return ExitCode.USAGE;
    }
    if (!in.stdin() && java.nio.file.Files.isDirectory(in.path())) {
      err.println("dockerlint: '" + file + "' is a directory; parse takes one file");
      return ExitCode.USAGE;
    }
    Inputs.Read read = Inputs.read(in, System.in);
    if (read.error() != null) {
      err.println("dockerlint: " + read.error());
      return ExitCode.USAGE;
    }
    Dockerfile f = DockerfileReader.parse(read.text());
    for (SyntaxProblem p : f.problems()) {
      if (p.fatal()) {
        err.println(
            "dockerlint: "
                + in.display()
                + ":"
                + (p.range().start().line() + 1)
                + ": "
                + p.message());
        return ExitCode.USAGE;
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(BuildkitDump.dump(f));
    out.flush();
    return ExitCode.CLEAN;
  }
}
