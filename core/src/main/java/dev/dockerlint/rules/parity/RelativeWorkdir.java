package dev.dockerlint.rules.parity;

import dev.dockerlint.grammar.shell.ShellLex;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.WorkdirInstruction;
import java.util.Optional;

/**
 * The first WORKDIR of a stage (and of the stages it is based on) is relative: it resolves against
 * the base image's working directory, which the Dockerfile does not control. Later relative
 * WORKDIRs resolve against a directory the Dockerfile set and are well defined (hadolint reports
 * them too). The path is judged after variable expansion; a path with a variable that has no value
 * here is not judged.
 *
 * @see <a
 *     href="https://docs.docker.com/reference/build-checks/workdir-relative-path/">WorkdirRelativePath</a>
 */
@RuleInfo(
    code = "DKL3000",
    name = "relative-workdir",
    severity = Severity.WARNING,
    summary = "First WORKDIR of a stage is a relative path",
    aliases = {"DL3000", "WorkdirRelativePath"})
public final class RelativeWorkdir implements StageRule {
  @Override
  public void checkStage(RuleContext ctx, Stage s) {
    boolean workdirSet =
        BaseImages.setInBaseStages(
            ctx.model(), s, i -> i instanceof WorkdirInstruction w && w.value().isPresent());
    boolean windows = s.platform().map(p -> p.os().equals("windows")).orElse(false);
    for (Instruction i : s.instructions()) {
      if (!(i instanceof WorkdirInstruction w) || w.value().isEmpty()) {
        continue;
      }
      if (!workdirSet) {
        Optional<ShellLex.Result> r =
            ctx.model().expandWithMatches(w.value().get().value(), s.scopeBefore(i));
        if (r.isPresent()
            && r.get().unmatched().isEmpty()
            && !absolute(r.get().result(), windows)) {
          ctx.report(
              Finding.of(
                  w.value().get().range(),
                  "Relative workdir \""
                      + r.get().result()
                      + "\" can have unexpected results if the base image changes"));
        }
      }
      workdirSet = true;
    }
  }

  static boolean absolute(String p, boolean windows) {
    if (p.startsWith("/")) {
      return true;
    }
    return windows && (p.startsWith("\\") || p.matches("^[A-Za-z]:[\\\\/].*"));
  }
}
