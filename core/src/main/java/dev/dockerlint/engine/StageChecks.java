package dev.dockerlint.engine;

import dev.dockerlint.config.Config;
import dev.dockerlint.image.ImageMetadataSource;
import dev.dockerlint.image.Lookup;
import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.Edit;
import dev.dockerlint.rules.Fix;
import dev.dockerlint.rules.LintInput;
import dev.dockerlint.rules.LintMemo;
import dev.dockerlint.rules.Related;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleMeta;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.Platform;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.Position;
import dev.dockerlint.syntax.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Runs a {@link StageRule} stage by stage. In a document linted version after version, the findings
 * in a stage are taken over from the last lint instead of checked again when all of these hold (see
 * the contract of {@link StageRule}):
 *
 * <ul>
 *   <li>the stage is the very same object at the same index (the semantic model takes a stage over
 *       only when the edit did not reach it), or a copy of it moved by lines (an edit above it
 *       added or removed lines, see {@link dev.dockerlint.semantic.SemanticModel#movedFrom}) and
 *       the rule's findings move with the stage ({@link StageRule#findingsMoveWithTheStage}): then
 *       they are taken over moved by as many lines;
 *   <li>the configuration is equal, and so is the rule's {@link StageRule#stageKey};
 *   <li>the image source gives the same answers to the questions the rule asked while it checked
 *       the stage, and is as enabled as it was;
 *   <li>every range the findings name lay, when they were found, in the stage's text (else they
 *       were not kept).
 * </ul>
 */
final class StageChecks {
  private StageChecks() {}

  /** Under this key the memo keeps what a lint found in each stage with {@code rule}. */
  private record Key(StageRule rule) {}

  /**
   * What a lint found with one rule: {@code kept[j]} in {@code stages.get(j)}, or null when it was
   * not kept. A stage the model takes over keeps its index, so an index lookup finds it.
   */
  private record Found(List<Stage> stages, Kept[] kept) {}

  /** What a check of a stage found, and what it depended on besides the stage. */
  private record Kept(
      Config config,
      Object stageKey,
      boolean imagesEnabled,
      Asked[] asked,
      List<Diagnostic> found) {}

  /** A question the rule asked the image source, and its answer. */
  private record Asked(ImageRef ref, Platform platform, boolean withFiles, Lookup answer) {}

  static void check(
      StageRule rule, RuleMeta meta, LintInput input, Config config, Consumer<Diagnostic> out) {
    LintMemo memo = input.memo();
    if (!memo.keeps()) {
      rule.check(new RuleContext(meta, input, out, config));
      return;
    }
    RuleContext plain = new RuleContext(meta, input, out, config);
    Key key = new Key(rule);
    Found before = memo.find(key, Found.class).orElse(NOTHING);
    List<Stage> stages = input.model().stages();
    // asked once: behind it may be a chain of sources (the language server's)
    boolean imagesEnabled = input.images().enabled();
    Found now = new Found(stages, new Kept[stages.size()]);
    for (int j = 0; j < stages.size(); j++) {
      Stage s = stages.get(j);
      Object stageKey = rule.stageKey(plain, s);
      Kept kept = null;
      if (j < before.stages().size()) {
        Stage was = before.stages().get(j);
        if (was == s) {
          kept = before.kept()[j];
        } else if (before.kept()[j] != null && rule.findingsMoveWithTheStage()) {
          Stage.Moved m = input.model().movedFrom(s).orElse(null);
          if (m != null && m.was() == was) {
            kept = moved(before.kept()[j], m.lines());
          }
        }
      }
      if (kept != null && stillHolds(kept, config, stageKey, imagesEnabled, input.images())) {
        kept.found().forEach(out);
        now.kept()[j] = kept;
        continue;
      }
      Recording images = new Recording(input.images());
      List<Diagnostic> found = new ArrayList<>();
      try {
        rule.checkStage(new RuleContext(meta, withImages(input, images), found::add, config), s);
      } finally {
        images.open = false;
      }
      found.forEach(out);
      if (within(found, s)) {
        now.kept()[j] =
            new Kept(config, stageKey, imagesEnabled, images.asked.toArray(new Asked[0]), found);
      }
    }
    // kept when complete: a lint of the next version, on another thread, may read it
    memo.keep(key, now);
  }

  private static final Found NOTHING = new Found(List.of(), new Kept[0]);

  /** What {@code k} found, {@code lines} lines further down (up when negative). */
  private static Kept moved(Kept k, int lines) {
    if (k.found().isEmpty()) {
      return k; // nothing in it names a line (most rules find nothing in most stages)
    }
    List<Diagnostic> found = new ArrayList<>(k.found().size());
    for (Diagnostic d : k.found()) {
      List<Fix> fixes = d.fixes().isEmpty() ? List.of() : new ArrayList<>(d.fixes().size());
      for (Fix f : d.fixes()) {
        List<Edit> edits = new ArrayList<>(f.edits().size());
        for (Edit e : f.edits()) {
          edits.add(new Edit(moved(e.range(), lines), e.replacement()));
        }
        fixes.add(new Fix(f.title(), edits, f.applicability()));
      }
      List<Related> related =
          d.related().isEmpty() ? List.of() : new ArrayList<>(d.related().size());
      for (Related r : d.related()) {
        related.add(new Related(moved(r.range(), lines), r.message()));
      }
      found.add(
          new Diagnostic(
              d.rule(),
              d.severity(),
              moved(d.range(), lines),
              d.message(),
              d.predicts(),
              fixes,
              related,
              d.image()));
    }
    return new Kept(k.config(), k.stageKey(), k.imagesEnabled(), k.asked(), found);
  }

  private static Range moved(Range r, int lines) {
    return new Range(
        new Position(r.start().line() + lines, r.start().column()),
        new Position(r.end().line() + lines, r.end().column()));
  }

  private static boolean stillHolds(
      Kept k, Config config, Object stageKey, boolean imagesEnabled, ImageMetadataSource images) {
    if (!(k.config() == config || k.config().equals(config))
        || !Objects.equals(k.stageKey(), stageKey)
        || k.imagesEnabled() != imagesEnabled) {
      return false;
    }
    for (Asked a : k.asked()) {
      Lookup now = images.lookup(a.ref(), a.platform(), a.withFiles());
      if (now != a.answer() && !now.equals(a.answer())) {
        return false;
      }
    }
    return true;
  }

  private static LintInput withImages(LintInput in, ImageMetadataSource images) {
    return new LintInput(
        in.path(), in.file(), in.model(), in.contextDir(), images, in.shared(), in.contextFiles());
  }

  /**
   * Whether every range the findings name lies in the text of stage {@code s}, from its FROM to the
   * end of its last instruction (an edit elsewhere that leaves the stage as it is moves none of
   * it).
   */
  private static boolean within(List<Diagnostic> found, Stage s) {
    List<Instruction> is = s.instructions();
    Range stage = s.from().range().union((is.isEmpty() ? s.from() : is.get(is.size() - 1)).range());
    for (Diagnostic d : found) {
      if (!stage.contains(d.range())) {
        return false;
      }
      for (Related r : d.related()) {
        if (!stage.contains(r.range())) {
          return false;
        }
      }
      for (Fix f : d.fixes()) {
        for (Edit e : f.edits()) {
          if (!stage.contains(e.range())) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** Passes questions on, noting them and their answers while the check of a stage runs. */
  private static final class Recording implements ImageMetadataSource {
    private final ImageMetadataSource delegate;
    private final ConcurrentLinkedQueue<Asked> asked = new ConcurrentLinkedQueue<>();
    private volatile boolean open = true;

    Recording(ImageMetadataSource delegate) {
      this.delegate = delegate;
    }

    @Override
    public Lookup lookup(ImageRef ref, Platform platform, boolean withFiles) {
      Lookup answer = delegate.lookup(ref, platform, withFiles);
      if (open) {
        asked.add(new Asked(ref, platform, withFiles, answer));
      }
      return answer;
    }

    @Override
    public boolean enabled() {
      return delegate.enabled();
    }
  }
}
