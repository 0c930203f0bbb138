package dev.dockerlint.testing;

import dev.dockerlint.syntax.Dockerfile;
import dev.dockerlint.syntax.DockerfileReader;
import dev.dockerlint.syntax.Instruction;
import java.util.ArrayList;
import java.util.List;

/**
 * Files as an incremental parse makes them: after an edit inside one instruction that moves no
 * other, the instructions of the version before but for the edited one.
 */
public final class InPlaceEdits {
  private InPlaceEdits() {}

  /**
   * A file of {@code text} (an edit of {@code old}'s text that moves no instruction) whose
   * instructions are those of {@code old} but for the {@code edited}-th.
   */
  public static Dockerfile edited(Dockerfile old, String text, int edited) {
    Dockerfile fresh = DockerfileReader.parse(text);
    if (fresh.instructions().size() != old.instructions().size()) {
      throw new IllegalArgumentException("the edit adds or removes an instruction");
    }
    List<Instruction> all = new ArrayList<>(old.instructions());
    all.set(edited, fresh.instructions().get(edited));
    return withInstructions(fresh, all);
  }

  /**
   * A file of {@code text} whose first {@code kept} instructions are those of {@code old} (as the
   * incremental parse kept only the instructions before an edit), the others its own.
   */
  public static Dockerfile keptBefore(Dockerfile old, String text, int kept) {
    Dockerfile fresh = DockerfileReader.parse(text);
    List<Instruction> all = new ArrayList<>(old.instructions().subList(0, kept));
    all.addAll(fresh.instructions().subList(kept, fresh.instructions().size()));
    return withInstructions(fresh, all);
  }

  private static Dockerfile withInstructions(Dockerfile fresh, List<Instruction> instructions) {
    return new Dockerfile(
        fresh.source(),
        fresh.escapeCharacter(),
        fresh.directives(),
        fresh.comments(),
        instructions,
        fresh.problems());
  }
}
