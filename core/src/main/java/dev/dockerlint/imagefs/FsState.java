package dev.dockerlint.imagefs;

import dev.dockerlint.syntax.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What is at a path at some point of a build, as far as the Dockerfile (and, when available, the
 * base image) tells: known present, known absent, or unknown. A RUN that may have changed or
 * created the path without the analysis being sure is listed, so that a rule can lower its severity
 * and name the line. {@link Unknown} must never lead to an error.
 *
 * <p>At most the first {@link #MAX_LISTED} such instructions are listed: that is enough to name
 * them in a finding, and it keeps every state small however many RUNs a stage has.
 */
public sealed interface FsState {

  /** How many instructions a state lists as having maybe changed or created its path. */
  int MAX_LISTED = 8;

  /** The path exists; {@code mayChange} lists RUN instructions that may have altered it. */
  record Present(FsNode node, List<Instruction> mayChange) implements FsState {
    public Present {
      Objects.requireNonNull(node, "node");
      mayChange = capped(mayChange);
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
      mayCreate = capped(mayCreate);
    }

    public Absent(String why) {
      this(why, List.of(), false);
    }

    Absent alsoMayCreate(List<Instruction> more) {
      return more.isEmpty() ? this : new Absent(why, union(mayCreate, more), notADirectory);
    }
  }

  /**
   * Nothing can be said: the base image's files are not known, a copy's contents are not.
   *
   * @param otherwise when the path was absent and only copies whose contents are not known (a COPY
   *     from an unknown build context, say) may have put it there: the state it is in if they did
   *     not, absent, with those copies (and RUNs that may have created it) in its {@code mayCreate}
   */
  record Unknown(String why, Optional<Absent> otherwise) implements FsState {
    public Unknown {
      Objects.requireNonNull(why, "why");
      Objects.requireNonNull(otherwise, "otherwise");
    }

    public Unknown(String why) {
      this(why, Optional.empty());
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
    if (this instanceof Unknown u && u.otherwise().isPresent()) {
      return new Unknown(u.why(), Optional.of(u.otherwise().get().alsoMayCreate(List.of(run))));
    }
    return this;
  }

  private static List<Instruction> capped(List<Instruction> l) {
    return l.size() <= MAX_LISTED ? List.copyOf(l) : List.copyOf(l.subList(0, MAX_LISTED));
  }

  private static List<Instruction> union(List<Instruction> a, List<Instruction> b) {
    if (a.size() >= MAX_LISTED) {
      return a;
    }
    List<Instruction> out = new ArrayList<>(a);
    for (Instruction i : b) {
      if (out.size() >= MAX_LISTED) {
        break;
      }
      if (out.stream().noneMatch(x -> x == i)) {
        out.add(i);
      }
    }
    return out;
  }
}
