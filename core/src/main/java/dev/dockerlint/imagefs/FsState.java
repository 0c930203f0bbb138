package dev.dockerlint.imagefs;

import dev.dockerlint.syntax.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What is at a path at some point of a build, as far as the Dockerfile (and, when available, the
 * base image) tells: known present, known absent, or unknown. A RUN that may have changed or
 * created the path without the analysis being sure is listed, so that a rule can lower its severity
 * and name the line. {@link Unknown} must never lead to an error.
 */
public sealed interface FsState {

  /** The path exists; {@code mayChange} lists RUN instructions that may have altered it. */
  record Present(FsNode node, List<Instruction> mayChange) implements FsState {
    public Present {
      Objects.requireNonNull(node, "node");
      mayChange = List.copyOf(mayChange);
    }

    public Present(FsNode node) {
      this(node, List.of());
    }

    Present alsoMayChange(List<Instruction> more) {
      return more.isEmpty() ? this : new Present(node, union(mayChange, more));
    }
  }

  /**
   * The path does not exist; {@code mayCreate} lists RUN instructions that may have created it.
   * {@code notADirectory} is set when a component on the way is a file.
   */
  record Absent(String why, List<Instruction> mayCreate, boolean notADirectory) implements FsState {
    public Absent {
      Objects.requireNonNull(why, "why");
      mayCreate = List.copyOf(mayCreate);
    }

    public Absent(String why) {
      this(why, List.of(), false);
    }

    Absent alsoMayCreate(List<Instruction> more) {
      return more.isEmpty() ? this : new Absent(why, union(mayCreate, more), notADirectory);
    }
  }

  /** Nothing can be said: the base image's files are not known, a copy's contents are not. */
  record Unknown(String why) implements FsState {
    public Unknown {
      Objects.requireNonNull(why, "why");
    }
  }

  /** The RUN instructions that may have changed (present) or created (absent) the path. */
  default List<Instruction> maybeBy() {
    if (this instanceof Present p) {
      return p.mayChange();
    }
    if (this instanceof Absent a) {
      return a.mayCreate();
    }
    return List.of();
  }

  /** This state, noting that {@code run} may have changed or created the path. */
  default FsState maybe(Instruction run) {
    if (this instanceof Present p) {
      return p.alsoMayChange(List.of(run));
    }
    if (this instanceof Absent a) {
      return a.alsoMayCreate(List.of(run));
    }
    return this;
  }

  private static List<Instruction> union(List<Instruction> a, List<Instruction> b) {
    List<Instruction> out = new ArrayList<>(a);
    for (Instruction i : b) {
      if (out.stream().noneMatch(x -> x == i)) {
        out.add(i);
      }
    }
    return out;
  }
}
