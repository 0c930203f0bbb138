package dev.dockerlint.rules.exec;

import dev.dockerlint.imagefs.ExecProblem;
import dev.dockerlint.imagefs.FsNode;
import dev.dockerlint.imagefs.Origin;
import dev.dockerlint.rules.Edit;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Fix;
import dev.dockerlint.rules.FixAvailability;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.syntax.AddInstruction;
import dev.dockerlint.syntax.CopyInstruction;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.Range;
import java.util.Optional;

/**
 * A file started as a program (or as a {@code #!} interpreter) without execute permission for the
 * user it runs as: a file copied with mode 0644 (as Git checks out scripts that were never marked
 * executable), an {@code ADD} download (always 0600), a file written by {@code curl -o}, or a file
 * only its owner may execute while the container runs as another user. runc refuses it with
 * "permission denied".
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/#copy---chmod">COPY --chmod</a>
 */
@RuleInfo(
    code = "DKL1304",
    name = "missing-exec-bit",
    severity = Severity.ERROR,
    summary = "Executed file has no execute permission",
    fix = FixAvailability.SOMETIMES,
    predicts = {Predicts.PERMISSION_DENIED, Predicts.NOT_FOUND_IN_PATH})
public final class MissingExecBit implements Rule {
  @Override
  public void check(RuleContext ctx) {
    for (ExecProblem p : ExecFindings.of(ctx, ExecProblem.Kind.NOT_EXECUTABLE)) {
      Finding f = ExecFindings.finding(p);
      Optional<Fix> fix = p.node().flatMap(n -> chmodFix(ctx, n));
      if (fix.isPresent()) {
        f = f.withFix(fix.get());
      }
      ctx.report(f);
    }
  }

  /**
   * Adds {@code --chmod=755} to the COPY or ADD that placed the file, when it copies only this
   * file, sets no mode yet and the file has no execute bit at all.
   */
  private static Optional<Fix> chmodFix(RuleContext ctx, FsNode node) {
    Origin o = node.origin();
    if (!o.singleSource()
        || node.mode().isEmpty()
        || (node.mode().getAsInt() & 0111) != 0
        || o.instruction().isEmpty()) {
      return Optional.empty();
    }
    Instruction i = o.instruction().get();
    if (!(i instanceof CopyInstruction || i instanceof AddInstruction)
        || i.flag("chmod").isPresent()) {
      return Optional.empty();
    }
    Range insert = Range.at(i.keyword().range().end());
    return Optional.of(Fix.safe("Copy it with --chmod=755", new Edit(insert, " --chmod=755")));
  }
}
