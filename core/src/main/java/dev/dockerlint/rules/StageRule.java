package dev.dockerlint.rules;

import dev.dockerlint.semantic.Stage;

/**
 * A rule that checks one stage at a time, and whose findings in a stage follow from that stage
 * alone: an editor re-lints the whole file on every keystroke, and the engine then runs such a rule
 * only on the stages the edit reached, taking over its findings in the others from the last lint.
 *
 * <p>The contract, which each implementation's {@link #checkStage} must keep:
 *
 * <ul>
 *   <li>what it reports depends on nothing but the stage's instructions, the stages it is based on
 *       or copies from (and theirs), the global ARGs, the build options, the configuration, the
 *       answers of the image source it asks itself ({@code ctx.input().images()}), and the value of
 *       {@link #stageKey};
 *   <li>the ranges it reports (the finding's, its related places', its fixes' edits) lie in the
 *       stage, from its FROM to the end of its last instruction, if its findings are to be taken
 *       over (the engine checks this, and checks the stage again next time when they do not).
 * </ul>
 *
 * In particular it does not read the stages after this one (which of them use it, which one is
 * final), the build context, or values other rules derived from images, unless {@link #stageKey}
 * names them. The semantic model takes a {@link Stage} object over from the last version only when
 * the first point's stages and ARGs are unchanged (see {@link
 * dev.dockerlint.semantic.SemanticModel#of(dev.dockerlint.syntax.Dockerfile,
 * dev.dockerlint.semantic.BuildOptions, dev.dockerlint.semantic.SemanticModel)}), and the engine
 * takes findings over only for the very same object, or for a copy of it that an edit above it
 * moved by whole lines (see {@link #findingsMoveWithTheStage}).
 */
public interface StageRule extends Rule {

  /** Reports the findings in stage {@code stage}. */
  void checkStage(RuleContext ctx, Stage stage);

  /**
   * What else the findings in {@code stage} depend on, compared with {@code equals} between lints;
   * {@code null} (the default) when nothing else.
   */
  default Object stageKey(RuleContext ctx, Stage stage) {
    return null;
  }

  /**
   * Whether the findings in a stage that an edit above it moved by whole lines, and left otherwise
   * as it was (see {@link dev.dockerlint.semantic.SemanticModel#movedFrom}), are the findings of
   * the stage before the edit moved by as many lines. True unless a message names a line number (or
   * anything else that moves with the text): then the rule checks a moved stage again.
   */
  default boolean findingsMoveWithTheStage() {
    return true;
  }

  @Override
  default void check(RuleContext ctx) {
    for (Stage s : ctx.model().stages()) {
      checkStage(ctx, s);
    }
  }
}
