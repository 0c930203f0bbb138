package dev.dockerlint.cli;

import dev.dockerlint.registry.RuleRegistry;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
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
      "  dockerlint rules                         every rule",
      "  dockerlint explain RULE                  a rule's documentation",
      "  dockerlint image [OPTIONS] IMAGE         what dockerlint knows about an image",
      "  dockerlint lsp [--stdio | --socket PORT] the language server"
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  no findings at or above the failure threshold (or --no-fail)",
      "  1  findings at or above the failure threshold",
      "  2  usage or configuration error, or an input that cannot be linted",
      "  3  internal error (details with --verbose)"
    })
public final class DockerlintCommand {

  private static final Set<String> TOP_LEVEL_OPTIONS = Set.of("-h", "--help", "-V", "--version");

  static boolean isSubcommandOrTopLevelOption(String arg) {
    return SUBCOMMANDS.containsKey(arg) || TOP_LEVEL_OPTIONS.contains(arg);
  }

  /**
   * The subcommands by name. Only the one a run names is added to the command line (all of them for
   * help and usage errors): building picocli's model of the others would cost start-up time.
   */
  private static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

  private static Map<String, Class<?>> subcommands() {
    Map<String, Class<?>> m = new LinkedHashMap<>();
    m.put("check", CheckCommand.class);
    m.put("parse", ParseCommand.class);
    m.put("image", ImageCommand.class);
    m.put("rules", RulesCommand.class);
    m.put("explain", ExplainCommand.class);
    m.put("lsp", LspCommand.class);
    m.put("version", VersionCommand.class);
    m.put("help", CommandLine.HelpCommand.class);
    return m;
  }

  static CommandLine commandLine(
      InputStream in,
      PrintStream out,
      PrintStream err,
      Env env,
      Supplier<RuleRegistry> registry,
      String firstArg) {
    CommandLine cl =
        new CommandLine(
            new DockerlintCommand(),
            new CommandLine.IFactory() {
              @Override
              public <K> K create(Class<K> cls) throws Exception {
                if (cls == CheckCommand.class) {
                  return cls.cast(new CheckCommand(in, env, registry));
                }
                if (cls == ImageCommand.class) {
                  return cls.cast(new ImageCommand(env));
                }
                if (cls == ExplainCommand.class) {
                  return cls.cast(new ExplainCommand(env));
                }
                if (cls == LspCommand.class) {
                  return cls.cast(new LspCommand(in, out));
                }
                return CommandLine.defaultFactory().create(cls);
              }
            });
    Class<?> only = firstArg.equals("help") ? null : SUBCOMMANDS.get(firstArg);
    for (Map.Entry<String, Class<?>> e : SUBCOMMANDS.entrySet()) {
      if (only == null || only == e.getValue()) {
        cl.addSubcommand(e.getKey(), e.getValue());
      }
    }
    // a subcommand's -V prints the top command's version (it printed nothing)
    CommandLine.IVersionProvider version = cl.getCommandSpec().versionProvider();
    cl.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(version));
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
