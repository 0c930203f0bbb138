package dev.dockerlint.rules.shellcheck;

import dev.dockerlint.config.Config;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.shellcheck.ShellcheckComment;
import dev.dockerlint.shellcheck.ShellcheckRequest;
import dev.dockerlint.shellcheck.ShellcheckRunner;
import dev.dockerlint.shellcheck.ShellcheckScripts;
import dev.dockerlint.syntax.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ShellCheck's findings in RUN scripts (shell form, heredoc scripts, {@code sh -c} exec forms), as
 * hadolint reports them, through the {@code shellcheck} executable when it is installed (Debian's
 * {@code shellcheck}). Each finding answers to its SC code in suppressions and the configuration.
 * Syntax errors (SC1xxx) are errors: they fail the RUN. ShellCheck's other errors are warnings, its
 * warnings and infos are infos, its style notes style: on real Dockerfiles most of its warnings are
 * about deliberate word splitting ({@code $(test ... && echo --flag)}) and empty assignments (see
 * docs/precision.md); a severity per SC code in the configuration raises the ones a team cares
 * about.
 *
 * @see <a href="https://www.shellcheck.net/wiki/">ShellCheck wiki</a>
 */
@RuleInfo(
    code = "DKL6000",
    name = "shellcheck",
    severity = Severity.INFO,
    summary = "ShellCheck finding in a RUN script")
public final class Shellcheck implements Rule {
  @Override
  public void check(RuleContext ctx) {
    Config.ShellcheckMode mode = ctx.config().shellcheck();
    if (mode == Config.ShellcheckMode.OFF) {
      return;
    }
    ShellcheckRunner runner = ShellcheckRunner.shared();
    if (!runner.available()) {
      if (mode == Config.ShellcheckMode.ON) {
        ctx.report(
            Finding.of(
                    ctx.file().source().range(0, 0),
                    "shellcheck is not installed, but 'shellcheck: on' asks for it: install it"
                        + " (Debian: apt-get install shellcheck) or set 'shellcheck: auto'")
                .withSeverity(Severity.ERROR));
      }
      return;
    }
    List<ShellcheckScripts.Prepared> all = ShellcheckScripts.all(ctx.input());
    List<ShellcheckScripts.Prepared> scripts = ShellcheckScripts.checked(all);
    if (scripts.size() < all.size()) {
      ctx.report(
          Finding.of(
                  all.get(scripts.size()).run().range(0, 0),
                  String.format(
                      "ShellCheck checked the first %d of the %d RUN scripts of this file; the"
                          + " others, from here on, are not checked",
                      scripts.size(), all.size()))
              .withSeverity(Severity.INFO));
    }
    if (scripts.isEmpty()) {
      return;
    }
    List<ShellcheckRequest> requests = new ArrayList<>();
    scripts.forEach(s -> requests.add(s.request()));
    Map<ShellcheckRequest, List<ShellcheckComment>> results = runner.check(requests);
    for (ShellcheckScripts.Prepared s : scripts) {
      if (!results.containsKey(s.request())) {
        runner
            .failure(s.request())
            .ifPresent(
                why ->
                    ctx.report(
                        Finding.of(
                                s.run().range(0, 0),
                                "ShellCheck could not check this script: " + why)
                            .withSeverity(Severity.INFO)));
        continue;
      }
      for (ShellcheckComment c : results.get(s.request())) {
        Optional<Range> range = s.range(c);
        if (range.isEmpty()) {
          continue;
        }
        ctx.report(
            Finding.of(range.get(), c.codeName() + ": " + c.message()).withSeverity(severity(c)),
            List.of(c.codeName()));
      }
    }
  }

  static Severity severity(ShellcheckComment c) {
    return switch (c.level()) {
      case "error" -> c.code() < 2000 ? Severity.ERROR : Severity.WARNING;
      case "warning", "info" -> Severity.INFO;
      default -> Severity.STYLE;
    };
  }
}
