package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.InstructionKind;

/**
 * BuildKit's MultipleInstructionsDisallowed for one instruction kind: in a stage, every CMD,
 * ENTRYPOINT or HEALTHCHECK but the last is ignored, so each earlier one is reported (hadolint
 * reports the later ones; the earlier one is the one that does nothing).
 */
final class MultipleInstructions {
  private MultipleInstructions() {}

  static void check(RuleContext ctx, Stage s, InstructionKind kind) {
    Instruction previous = null;
    for (Instruction i : s.instructions()) {
      if (i.kind() != kind) {
        continue;
      }
      if (previous != null) {
        String name = previous.keyword().canonical();
        ctx.report(
            Finding.of(
                    previous.keyword().range(),
                    "Multiple "
                        + name
                        + " instructions should not be used in the same stage because only the"
                        + " last one will be used")
                .withRelated(i.keyword().range(), "this one replaces it"));
      }
      previous = i;
    }
  }
}
