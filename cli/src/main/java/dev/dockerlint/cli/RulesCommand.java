package dev.dockerlint.cli;

import dev.dockerlint.registry.RuleRegistry;
import dev.dockerlint.rules.RuleMeta;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dockerlint rules}: every rule with its code, name, severity and aliases. */
@Command(name = "rules", description = "List every rule.")
public final class RulesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%-8s %-34s %-8s %-8s %s%n", "CODE", "NAME", "SEVERITY", "FIX", "ALIASES");
    for (RuleMeta m : RuleRegistry.builtIn().metas()) {
      out.printf(
          "%-8s %-34s %-8s %-8s %s%n",
          m.code(),
          m.name(),
          m.severity().id(),
          m.fix().name().toLowerCase(java.util.Locale.ROOT),
          String.join(",", m.aliases()));
    }
    out.flush();
    return ExitCode.CLEAN;
  }
}
