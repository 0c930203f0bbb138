package dev.dockerlint.cli;

import dev.dockerlint.registry.RuleRegistry;
import dev.dockerlint.rules.RuleMeta;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code dockerlint rules}: every rule with its code, name, default severity, whether it can fix
 * what it finds, and its aliases (hadolint codes, BuildKit check names).
 */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "List every rule (see 'dockerlint explain RULE' for one rule's page).")
public final class RulesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%-8s %-34s %-8s %-9s %s%n", "CODE", "NAME", "SEVERITY", "FIXABLE", "ALIASES");
    List<RuleMeta> metas = new ArrayList<>(RuleRegistry.builtIn().metas());
    metas.sort(Comparator.comparing(RuleMeta::code));
    for (RuleMeta m : metas) {
      out.printf(
          "%-8s %-34s %-8s %-9s %s%n",
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
