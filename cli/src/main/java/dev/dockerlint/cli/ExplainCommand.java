package dev.dockerlint.cli;

import dev.dockerlint.registry.RuleRegistry;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.rules.RuleDocs;
import dev.dockerlint.rules.RuleMeta;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dockerlint explain CODE|NAME|ALIAS}: a rule's documentation page in the terminal. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = "Show a rule's documentation (by code, name or alias, e.g. DKL4000, DL4000).")
public final class ExplainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private final Env env;

  @Parameters(paramLabel = "RULE", description = "A rule code, name or alias")
  String rule;

  @Option(names = "--no-color", description = "Never colour the output")
  boolean noColor;

  ExplainCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    Optional<RuleMeta> found = RuleRegistry.builtIn().find(rule);
    if (found.isEmpty()) {
      spec.commandLine()
          .getErr()
          .println("dockerlint: unknown rule '" + rule + "' (see 'dockerlint rules')");
      return ExitCode.USAGE;
    }
    RuleMeta m = found.get();
    boolean color = env.color(noColor);
    PrintWriter out = spec.commandLine().getOut();
    String page =
        RuleDocs.markdown(m)
            .orElse("# " + m.code() + " " + m.name() + "\n\n" + m.summary() + ".\n");
    out.print(TerminalMarkdown.render(page, color));
    out.println();
    out.println("Severity:  " + m.severity().id());
    out.println("Fixable:   " + m.fix().name().toLowerCase(Locale.ROOT));
    if (!m.aliases().isEmpty()) {
      out.println("Aliases:   " + String.join(", ", m.aliases()));
    }
    if (!m.predicts().isEmpty()) {
      out.println(
          "Predicts:  " + String.join(", ", m.predicts().stream().map(Predicts::text).toList()));
    }
    out.println("Online:    " + m.docUrl());
    out.flush();
    return ExitCode.CLEAN;
  }
}
