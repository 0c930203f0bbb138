package dev.dockerlint.rules.parity;

import dev.dockerlint.semantic.Base;
import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.Instruction;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** What the name of a stage's base image tells about it. */
final class BaseImages {
  private BaseImages() {}

  /** The image at the root of the stage's FROM chain (through earlier stages). */
  static Optional<Base.ImageBase> root(SemanticModel model, Stage s) {
    Stage at = s;
    for (int guard = 0; guard < 1000; guard++) {
      if (at.base() instanceof Base.ImageBase b) {
        return Optional.of(b);
      }
      if (at.base() instanceof Base.StageBase sb) {
        at = model.stages().get(sb.stageIndex());
      } else {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the stage's base is Alpine or BusyBox by its name ({@code alpine:3.20}, {@code
   * python:3.12-alpine}, {@code busybox}): there {@code /bin/sh} is BusyBox ash, which knows {@code
   * -o pipefail}, and {@code wget} is BusyBox's, which knows no {@code --progress}.
   */
  static boolean busyboxLike(SemanticModel model, Stage s) {
    Optional<Base.ImageBase> b = root(model, s);
    if (b.isEmpty() || b.get().ref().isEmpty()) {
      return false;
    }
    ImageRef ref = b.get().ref().get();
    String name = ref.repository();
    String tag = ref.tag().orElse("");
    return name.contains("alpine")
        || name.contains("busybox")
        || tag.contains("alpine")
        || tag.contains("busybox");
  }

  /**
   * Whether an instruction of a stage {@code s} is based on, directly or not, matches {@code p}.
   */
  static boolean setInBaseStages(SemanticModel model, Stage s, Predicate<Instruction> p) {
    List<Stage> lineage = model.lineage(s);
    for (Stage at : lineage.subList(1, lineage.size())) {
      for (Instruction i : at.instructions()) {
        if (p.test(i)) {
          return true;
        }
      }
    }
    return false;
  }
}
