package dev.dockerlint.rules.shellform;

import dev.dockerlint.imagefs.ExecAnalysis;
import dev.dockerlint.imagefs.ExecProblem;
import dev.dockerlint.imagefs.ExecSite;
import dev.dockerlint.imagefs.FsPaths;
import dev.dockerlint.imagefs.FsState;
import dev.dockerlint.imagefs.FsView;
import dev.dockerlint.imagefs.ImageFs;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.platform.Platforms;
import dev.dockerlint.semantic.Base;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.Command;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.RunInstruction;
import dev.dockerlint.syntax.ShellInstruction;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * Whether the shell a shell-form instruction starts exists, as the image filesystem model ({@link
 * ImageFs}) tells: base image files, build-context copies, {@code COPY --from} stage contents and
 * RUN effects. An answer is {@link State#ABSENT} only when nothing may have put the shell there;
 * when a RUN or a copy of unknown contents may have, it is {@link State#MAYBE} and names the first.
 */
final class ShellPresence {

  /** How sure the answer is. */
  enum State {
    PRESENT,
    ABSENT,
    /** Absent, unless {@link Answer#creator()} put it there. */
    MAYBE,
    UNKNOWN
  }

  /**
   * @param why for ABSENT and MAYBE: why it is not there ("FROM scratch")
   * @param creator for MAYBE: the first instruction that may create the path
   */
  record Answer(State state, String why, Optional<Instruction> creator) {
    static Answer unknown() {
      return new Answer(State.UNKNOWN, "", Optional.empty());
    }
  }

  /** How many stages a reason names before it skips to the one the lineage starts from. */
  private static final int MAX_NAMED_STAGES = 4;

  private final RuleContext ctx;
  private final SemanticModel model;
  private final ImageFs fs;
  // by stage index; the rules that share this may run on two threads
  private final AtomicReferenceArray<Boolean> windows;
  private final AtomicReferenceArray<Optional<ShellInstruction>> lastShells;
  private final AtomicReferenceArray<Map<Instruction, ShellInstruction>> shellsIn;
  private final AtomicReferenceArray<Set<Instruction>> reportedShells;

  ShellPresence(RuleContext ctx) {
    this.ctx = ctx;
    this.model = ctx.model();
    this.fs = ImageFs.of(ctx.input());
    this.windows = new AtomicReferenceArray<>(model.stages().size());
    this.lastShells = new AtomicReferenceArray<>(model.stages().size());
    this.shellsIn = new AtomicReferenceArray<>(model.stages().size());
    this.reportedShells = new AtomicReferenceArray<>(model.stages().size());
  }

  /** Whether the stage builds a Windows image (see {@link Platforms#windows}), once per stage. */
  boolean windows(Stage s) {
    return once(windows, s, () -> Platforms.windows(model, s));
  }

  /** Whether {@code program} exists in the image stage {@code s} produces. */
  Answer atEnd(Stage s, String program) {
    return answer(s, program, () -> fs.stage(s).atEnd());
  }

  /** Whether {@code program} exists while {@code run} of stage {@code s} runs. */
  Answer during(Stage s, Instruction run, String program) {
    return answer(s, program, () -> fs.stage(s).during(run));
  }

  private Answer answer(Stage s, String program, Supplier<FsView> view) {
    if (!program.startsWith("/") || windows(s)) {
      return Answer.unknown();
    }
    String path = FsPaths.clean(program);
    FsState st = view.get().resolve(path);
    if (st instanceof FsState.Present) {
      return new Answer(State.PRESENT, "", Optional.empty());
    }
    Optional<FsState.Absent> absent = Optional.empty();
    if (st instanceof FsState.Absent a) {
      absent = Optional.of(a);
    } else if (st instanceof FsState.Unknown u) {
      absent = u.otherwise();
    }
    if (absent.isEmpty()) {
      return Answer.unknown();
    }
    FsState.Absent a = absent.get();
    String why =
        a.notADirectory() || a.why().contains(" by the RUN at ") ? a.why() : origin(s, path);
    List<Instruction> creators = a.mayCreate().stream().filter(i -> !needsShell(i, path)).toList();
    if (creators.isEmpty() && a.mayCreate().size() < FsState.MAX_LISTED) {
      return new Answer(State.ABSENT, why, Optional.empty());
    }
    Instruction first = creators.isEmpty() ? a.mayCreate().get(0) : creators.get(0);
    return new Answer(State.MAYBE, why, Optional.of(first));
  }

  /**
   * Whether {@code i} is a shell-form RUN that runs the shell at {@code path}: it cannot have put
   * that shell there, since it could not start without it.
   */
  private boolean needsShell(Instruction i, String path) {
    if (!(i instanceof RunInstruction r)
        || !(r.command().orElse(null) instanceof Command.ShellForm)) {
      return false;
    }
    Optional<Stage> s = model.stageOf(i);
    List<String> shell = s.map(st -> st.shellFor(i)).orElse(List.of());
    return !shell.isEmpty() && FsPaths.clean(shell.get(0)).equals(path);
  }

  /** Where the stage's files come from: "FROM base, which is FROM scratch". */
  private String origin(Stage s, String path) {
    List<Stage> lineage = model.lineage(s);
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < lineage.size() - 1 && k < MAX_NAMED_STAGES; k++) {
      sb.append("FROM ").append(lineage.get(k + 1).displayName()).append(", which is ");
    }
    if (lineage.size() - 1 > MAX_NAMED_STAGES) {
      sb.append("based on ");
    }
    Base root = lineage.get(lineage.size() - 1).base();
    if (root instanceof Base.ImageBase ib && ib.ref().isPresent()) {
      sb.append("FROM ").append(ib.ref().get().familiar()).append(", which has no ").append(path);
    } else {
      sb.append("FROM scratch");
    }
    return sb.toString();
  }

  /**
   * Whether the SHELL in force for {@code i} is one that DKL1307 shell-not-found reports: the
   * missing shell is then reported once, on that SHELL line.
   */
  boolean shellReportedMissing(Instruction i) {
    Optional<ShellInstruction> sh = shellInstruction(i);
    if (sh.isEmpty()) {
      return false;
    }
    Optional<Stage> in = model.stageOf(sh.get());
    return in.isPresent() && reportedShells(in.get()).contains(sh.get());
  }

  /** The SHELL instructions of stage {@code s} whose program DKL1307 reports missing. */
  private Set<Instruction> reportedShells(Stage s) {
    return once(
        reportedShells,
        s,
        () -> {
          Set<Instruction> out = Collections.newSetFromMap(new IdentityHashMap<>());
          for (ExecProblem p : ExecAnalysis.ofStage(ctx.input(), s)) {
            if (p.kind() == ExecProblem.Kind.PROGRAM_NOT_FOUND
                && p.site().kind() == ExecSite.Kind.SHELL) {
              out.add(p.site().instruction());
            }
          }
          return out;
        });
  }

  /** The SHELL instruction in force for {@code i}, in its stage or a stage it is based on. */
  Optional<ShellInstruction> shellInstruction(Instruction i) {
    Optional<Stage> s = model.stageOf(i);
    if (s.isEmpty() || !shellSetFor(s.get())) {
      return Optional.empty();
    }
    return Optional.ofNullable(shellsIn(s.get()).get(i));
  }

  /**
   * The SHELL instruction in force for each instruction of stage {@code s} that one is in force
   * for, worked out in one pass (a stage may hold a hundred thousand RUNs).
   */
  private Map<Instruction, ShellInstruction> shellsIn(Stage s) {
    return once(
        shellsIn,
        s,
        () -> {
          Map<Instruction, ShellInstruction> out = new IdentityHashMap<>();
          ShellInstruction current = model.baseStage(s).flatMap(this::lastShell).orElse(null);
          for (Instruction x : s.instructions()) {
            if (current != null) {
              out.put(x, current);
            }
            if (x instanceof ShellInstruction sh) {
              current = sh;
            }
          }
          return out;
        });
  }

  /**
   * Whether a SHELL instruction sets the shell somewhere in stage {@code s} or a stage it is based
   * on.
   */
  boolean shellSetFor(Stage s) {
    return lastShell(s).isPresent();
  }

  /** The SHELL in force at the end of stage {@code s}, set in it or a stage it is based on. */
  private Optional<ShellInstruction> lastShell(Stage s) {
    return once(
        lastShells,
        s,
        () -> {
          List<Instruction> is = s.instructions();
          for (int k = is.size() - 1; k >= 0; k--) {
            if (is.get(k) instanceof ShellInstruction sh) {
              return Optional.of(sh);
            }
          }
          return model.baseStage(s).flatMap(this::lastShell);
        });
  }

  /**
   * What {@code compute} gives for stage {@code s}, worked out once per lint and kept at the
   * stage's index. Two threads may both work it out; they get equal values.
   */
  private static <T> T once(AtomicReferenceArray<T> kept, Stage s, Supplier<T> compute) {
    T known = kept.get(s.index());
    if (known == null) {
      known = compute.get();
      kept.set(s.index(), known);
    }
    return known;
  }
}
