package dev.dockerlint.rules.imagecheck;

import dev.dockerlint.filefacts.ElfFacts;
import dev.dockerlint.filefacts.FileFacts;
import dev.dockerlint.imagefs.ExecProblem;
import dev.dockerlint.imagefs.LaunchProblem;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.ImageCheckContext;
import dev.dockerlint.rules.ImageInput;
import dev.dockerlint.rules.ImagePlace;
import dev.dockerlint.rules.Severity;
import java.util.List;
import java.util.Optional;

/** Turns what {@link dev.dockerlint.imagefs.ImageAnalysis} found into the findings of a check. */
final class ImageFindings {
  private ImageFindings() {}

  /** Reports every problem of {@code kind}, of any start. */
  static void report(ImageCheckContext ctx, ExecProblem.Kind kind) {
    report(ctx, ctx.input().analysis().problems().stream().filter(p -> p.kind() == kind).toList());
  }

  /** Reports the problems of {@code kind} of a shell-form command's shell, or of the others. */
  static void report(ImageCheckContext ctx, ExecProblem.Kind kind, boolean viaShell) {
    report(ctx, ctx.input().analysis().of(kind, viaShell));
  }

  private static void report(ImageCheckContext ctx, List<LaunchProblem> problems) {
    for (LaunchProblem p : problems) {
      Finding f = Finding.of(ImageCheckContext.IMAGE, p.message()).withImage(place(ctx, p));
      if (!p.certain()) {
        f = f.withSeverity(Severity.WARNING);
      }
      if (p.predicts().isPresent()) {
        f = f.withPredicts(p.predicts().get());
      }
      ctx.report(f);
    }
  }

  /**
   * The path of a problem, and for a binary of another architecture the platform its ELF header
   * names beside the image's.
   */
  private static ImagePlace place(ImageCheckContext ctx, LaunchProblem p) {
    ImageInput in = ctx.input();
    ImagePlace place = ImageCheckContext.place(in, p.path());
    if (p.kind() != ExecProblem.Kind.FOREIGN_BINARY || p.path().isEmpty()) {
      return place;
    }
    Optional<ElfFacts> elf =
        p.node()
            .flatMap(n -> n.content().facts())
            .or(() -> in.files().resolve(p.path()).flatMap(e -> e.facts()))
            .flatMap(FileFacts::elf);
    return elf.map(
            e ->
                place.withArchitectures(
                    e.platform().map(p2 -> "linux/" + p2).orElse(e.machineName()),
                    in.platform().toString()))
        .orElse(place);
  }
}
