package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;

/**
 * {@code cd} in a RUN changes the directory for the rest of that RUN only, and hides where the
 * commands after it run. WORKDIR says it once for every later instruction; absolute paths need no
 * change of directory. A {@code cd} inside a subshell ({@code (cd dir && make)}) is what hadolint's
 * documentation recommends and is not reported (hadolint reports it).
 */
@RuleInfo(
    code = "DKL3003",
    name = "cd-in-run",
    severity = Severity.WARNING,
    summary = "cd in a RUN instead of WORKDIR",
    aliases = {"DL3003"})
public final class CdInRun implements Rule {
  @Override
  public void check(RuleContext ctx) {
    for (Runs.Cmd c : Runs.commands(ctx)) {
      if (c.name().equals("cd") && !c.command().subshell()) {
        ctx.report(Finding.of(c.range(), "Use WORKDIR to switch to a directory"));
      }
    }
  }
}
