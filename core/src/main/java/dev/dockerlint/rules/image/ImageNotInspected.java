package dev.dockerlint.rules.image;

import dev.dockerlint.image.Lookup;
import dev.dockerlint.image.MemoizingSource;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.semantic.Base;
import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.Range;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rules that need facts about base images (platforms, PATH, files, shells) stay silent when an
 * image cannot be inspected. This rule says so, once per file, naming the images and why (offline,
 * no Docker Engine, unauthorised, timed out, too large), so silence is never mistaken for a clean
 * bill of health. It runs after the other rules and reports what they could not learn, besides
 * asking about each base image of the build itself (the answers are shared, so this costs nothing
 * more).
 */
@RuleInfo(
    code = "DKL1501",
    name = "image-not-inspected",
    severity = Severity.INFO,
    summary = "Base images could not be inspected, so checks that need them were skipped")
public final class ImageNotInspected implements Rule {
  @Override
  public boolean runsLast() {
    return true;
  }

  @Override
  public void check(RuleContext ctx) {
    if (!ctx.input().images().enabled()
        || !(ctx.input().images() instanceof MemoizingSource memo)) {
      return;
    }
    Set<Stage> reachable = ctx.model().stagesNeededForFinal();
    for (Stage s : ctx.model().stages()) {
      if (reachable.contains(s)
          && s.base() instanceof Base.ImageBase b
          && b.ref().isPresent()
          && b.complete()
          && s.platform().isPresent()) {
        memo.lookup(b.ref().get(), s.platform().get(), false);
      }
    }
    // per image, each reason once: "its files: ..." only when just the look-up of its files failed
    Map<ImageRef, Map<String, Boolean>> failed = new LinkedHashMap<>();
    for (MemoizingSource.Asked a : memo.asked()) {
      if (a.answer() instanceof Lookup.Unavailable u && !u.pending()) {
        failed
            .computeIfAbsent(a.ref(), k -> new LinkedHashMap<>())
            .merge(u.reason(), a.withFiles(), Boolean::logicalAnd);
      }
    }
    if (failed.isEmpty()) {
      return;
    }
    Range at = ctx.file().source().range(0, 0);
    List<String> parts = new ArrayList<>();
    boolean placed = false;
    for (Stage s : ctx.model().stages()) {
      if (s.base() instanceof Base.ImageBase b && b.ref().isPresent()) {
        ImageRef ref = b.ref().get();
        if (failed.containsKey(ref) && !placed) {
          at = s.from().image().map(w -> w.range()).orElse(s.from().range());
          placed = true;
        }
      }
    }
    for (Map.Entry<ImageRef, Map<String, Boolean>> e : failed.entrySet()) {
      List<String> reasons = new ArrayList<>();
      e.getValue()
          .forEach((reason, onlyFiles) -> reasons.add(onlyFiles ? "its files: " + reason : reason));
      parts.add(e.getKey().familiar() + " (" + String.join("; ", reasons) + ")");
    }
    String message =
        parts.size() == 1
            ? "Could not inspect base image "
                + parts.get(0)
                + ", so checks that need it were skipped"
            : "Could not inspect "
                + parts.size()
                + " base images, so checks that need them were skipped: "
                + String.join(", ", parts);
    ctx.report(Finding.of(at, message));
  }
}
