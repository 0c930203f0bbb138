package dev.dockerlint.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dockerlint version}. */
@Command(name = "version", description = "Print the version.")
public final class VersionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  static String version() {
    return "dockerlint " + number();
  }

  /** The version number, or {@code development build} when not run from the release jar. */
  static String number() {
    String v = VersionCommand.class.getPackage().getImplementationVersion();
    return v == null ? "development build" : v;
  }

  @Override
  public Integer call() {
    spec.commandLine().getOut().println(version());
    return ExitCode.CLEAN;
  }

  /** For {@code --version}. */
  public static final class Provider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {version()};
    }
  }
}
