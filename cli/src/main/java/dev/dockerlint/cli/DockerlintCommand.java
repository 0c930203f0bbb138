package dev.dockerlint.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command; its subcommands do the work. */
@Command(
    name = "dockerlint",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = {
      "Lints Dockerfiles and predicts containers that will die with 'exec format error',",
      "'no such file or directory' or 'permission denied' before they are built.",
      "",
      "  dockerlint [check] [OPTIONS] [PATH...]   lint files, directories or - (stdin)",
      "  dockerlint image [OPTIONS] IMAGE         what dockerlint knows about an image"
    },
    subcommands = {
      CheckCommand.class,
      ParseCommand.class,
      ImageCommand.class,
      RulesCommand.class,
      VersionCommand.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  no findings at or above the failure threshold",
      "  1  findings at or above the failure threshold",
      "  2  usage error, or an input that cannot be linted",
      "  3  internal error"
    })
public final class DockerlintCommand {

  private static final Set<String> TOP_LEVEL =
      Set.of(
          "check", "parse", "image", "rules", "version", "help", "-h", "--help", "-V", "--version");

  static boolean isSubcommandOrTopLevelOption(String arg) {
    return TOP_LEVEL.contains(arg);
  }

  static CommandLine commandLine(InputStream in, PrintStream out, PrintStream err) {
    CommandLine cl =
        new CommandLine(
            new DockerlintCommand(),
            new CommandLine.IFactory() {
              @Override
              public <K> K create(Class<K> cls) throws Exception {
                if (cls == CheckCommand.class) {
                  return cls.cast(new CheckCommand(in));
                }
                return CommandLine.defaultFactory().create(cls);
              }
            });
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          ex.getCommandLine().getErr().println("dockerlint: " + ex.getMessage());
          ex.getCommandLine()
              .getErr()
              .println(
                  "Try 'dockerlint "
                      + (ex.getCommandLine() == cl
                          ? ""
                          : ex.getCommandLine().getCommandName() + " ")
                      + "--help' for more information.");
          return ExitCode.USAGE;
        });
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          commandLine.getErr().println("dockerlint: internal error: " + ex);
          if (Boolean.getBoolean("dockerlint.verbose")
              || parseResult.originalArgs().contains("--verbose")) {
            ex.printStackTrace(commandLine.getErr());
          }
          return ExitCode.INTERNAL;
        });
    return cl;
  }
}
