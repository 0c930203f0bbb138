package dev.dockerlint.rules.exec;

import dev.dockerlint.imagefs.ExecAnalysis;
import dev.dockerlint.imagefs.ExecProblem;
import dev.dockerlint.imagefs.FsNode;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.syntax.Instruction;
import java.util.List;
import java.util.Optional;

/** Turns the problems {@link ExecAnalysis} finds into findings of the rule that owns them. */
final class ExecFindings {
  private ExecFindings() {}

  /** The problems of one kind in the file being linted. */
  static List<ExecProblem> of(RuleContext ctx, ExecProblem.Kind kind) {
    return ExecAnalysis.of(ctx.input()).stream().filter(p -> p.kind() == kind).toList();
  }

  /**
   * A finding at the program's word: the message, the predicted error, a lower severity when a RUN
   * may repair it, and the lines that placed the file, run the shell or may repair it.
   */
  static Finding finding(ExecProblem p) {
    Finding f = Finding.of(p.site().program().range(), p.message());
    if (p.severity() != Severity.ERROR) {
      f = f.withSeverity(p.severity());
    }
    if (p.predicts().isPresent()) {
      f = f.withPredicts(p.predicts().get());
    }
    Optional<Instruction> placedBy = p.node().flatMap(n -> n.origin().instruction());
    if (placedBy.isPresent() && placedBy.get() != p.site().instruction()) {
      f =
          f.withRelated(
              placedBy.get().range(), p.node().map(FsNode::origin).orElseThrow().description());
    }
    if (p.site().usedBy().isPresent()) {
      f = f.withRelated(p.site().usedBy().get().range(), "the shell runs here first");
    }
    for (Instruction i : p.maybeFixedBy()) {
      f = f.withRelated(i.range(), "this RUN may change it");
    }
    return f;
  }
}
