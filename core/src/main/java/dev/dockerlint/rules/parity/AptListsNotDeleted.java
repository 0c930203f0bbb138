package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Base;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.syntax.OnbuildInstruction;
import java.util.BitSet;

/**
 * A RUN that fetches the apt package lists ({@code apt-get update}) and does not delete them in the
 * same layer leaves tens of megabytes in the image. Only stages that end up in an image are looked
 * at (the final stage and stages later stages are based on); a cache or tmpfs mount on the lists
 * keeps them out of the image.
 */
@RuleInfo(
    code = "DKL3009",
    name = "apt-lists-not-deleted",
    severity = Severity.INFO,
    summary = "apt-get update without deleting /var/lib/apt/lists",
    aliases = {"DL3009"})
public final class AptListsNotDeleted implements StageRule {
  @Override
  public Object stageKey(RuleContext ctx, Stage stage) {
    return imageStage(ctx, stage);
  }

  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    boolean kept = imageStage(ctx, stage);
    for (Runs.Run r : Runs.of(ctx, stage)) {
      boolean relevant = r.instruction() instanceof OnbuildInstruction || kept;
      if (!relevant
          || !r.any(AptListsNotDeleted::update)
          || r.any(AptListsNotDeleted::cleanup)
          || r.cacheMount("/var/lib/apt/lists")
          || (r.cacheMount("/var/lib/apt") && r.cacheMount("/var/cache/apt"))) {
        continue;
      }
      Runs.Cmd update = r.commands().stream().filter(c -> update(c.command())).findFirst().get();
      ctx.report(
          Finding.of(
              update.range(),
              "Delete the apt lists (/var/lib/apt/lists) after installing something: add `rm -rf"
                  + " /var/lib/apt/lists/*` to this RUN"));
    }
  }

  /** The indexes of {@link #imageStages}, computed once per lint (every stage asks). */
  private record ImageStages(BitSet indexes) {}

  /**
   * Whether the files of {@code stage} reach an image: it is the final stage or a later stage is
   * based on it. (This depends on the stages after it: it is the rule's {@code stageKey}.)
   */
  static boolean imageStage(RuleContext ctx, Stage stage) {
    return ctx.input()
        .shared(ImageStages.class, () -> new ImageStages(imageStages(ctx.model())))
        .indexes()
        .get(stage.index());
  }

  /**
   * The indexes of the final stage and of every stage a later stage is based on (their files reach
   * an image).
   */
  static BitSet imageStages(SemanticModel model) {
    BitSet out = new BitSet();
    model.finalStage().ifPresent(s -> out.set(s.index()));
    for (Stage s : model.stages()) {
      if (s.base() instanceof Base.StageBase b) {
        out.set(b.stageIndex());
      }
    }
    return out;
  }

  private static boolean update(ShellCommand c) {
    return c.is("apt-get", "update") || c.is("apt", "update") || c.is("aptitude", "update");
  }

  /** {@code rm -rf /var/lib/apt/lists/*}, or apt's own {@code dist-clean} (apt 2.7 and later). */
  private static boolean cleanup(ShellCommand c) {
    return (c.name().equals("rm") && c.hasArgStartingWith("/var/lib/apt/lists"))
        || c.is("apt-get", "dist-clean")
        || c.is("apt", "dist-clean");
  }
}
