package dev.dockerlint.rules.shellform;

import dev.dockerlint.context.CopyDestination;
import dev.dockerlint.image.FileEntry;
import dev.dockerlint.image.Lookup;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.platform.Platforms;
import dev.dockerlint.semantic.Base;
import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.Platform;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.AddInstruction;
import dev.dockerlint.syntax.Command;
import dev.dockerlint.syntax.CopyInstruction;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.RunInstruction;
import dev.dockerlint.syntax.Word;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a file exists in a stage's filesystem, as far as the Dockerfile and facts about base
 * images tell. Conservative: a path is {@link State#ABSENT} only when the stage starts from nothing
 * ({@code FROM scratch}, or an image whose file index lacks it) and no instruction may have put it
 * there; an instruction that may have ({@code COPY} into its directory, any {@code RUN}) makes it
 * {@link State#MAYBE} and is named. A copy to {@code /} (a root filesystem tarball, a whole stage)
 * makes it {@link State#UNKNOWN}. Deletions are not followed, so nothing present is ever reported
 * as absent.
 */
final class PathPresence {

  /** How sure the answer is. */
  enum State {
    PRESENT,
    ABSENT,
    /** Absent at the start, but {@link Answer#creator()} may create it. */
    MAYBE,
    UNKNOWN
  }

  /**
   * @param why for ABSENT and MAYBE: where the stage's filesystem comes from ("FROM scratch")
   * @param creator for MAYBE: the first instruction that may create the path
   */
  record Answer(State state, String why, Optional<Instruction> creator) {
    static Answer unknown() {
      return new Answer(State.UNKNOWN, "", Optional.empty());
    }
  }

  private static final int MAX_DEPTH = 64;

  private final RuleContext ctx;
  private final SemanticModel model;

  PathPresence(RuleContext ctx) {
    this.ctx = ctx;
    this.model = ctx.model();
  }

  /** Whether {@code path} exists in the image {@code s} produces (after all its instructions). */
  Answer atEnd(Stage s, String path) {
    return walk(s, path, Optional.empty(), 0);
  }

  /** Whether {@code path} exists when instruction {@code i} of stage {@code s} starts. */
  Answer before(Stage s, Instruction i, String path) {
    Map<Instruction, Answer> answers =
        beforeEach.computeIfAbsent(new StagePath(s, path), k -> scan(s, path));
    Answer a = answers.get(i);
    return a != null ? a : walk(s, path, Optional.of(i), 0);
  }

  private record StagePath(Stage stage, String path) {}

  /** Answers of {@link #before} for every instruction of a stage, found in one pass. */
  private final Map<StagePath, Map<Instruction, Answer>> beforeEach = new HashMap<>();

  /** {@link #walk} for every stop at once: the answer just before each instruction. */
  private Map<Instruction, Answer> scan(Stage s, String path) {
    Map<Instruction, Answer> out = new IdentityHashMap<>();
    if (!path.startsWith("/") || windows(s)) {
      return out;
    }
    Answer a = base(s, path, 0);
    boolean settled = false;
    for (Instruction i : s.instructions()) {
      out.put(i, a);
      if (settled) {
        continue;
      }
      if (a.state() != State.ABSENT && a.state() != State.MAYBE) {
        settled = true;
        continue;
      }
      Effect e = effect(s, i, path, a.state());
      if (e == Effect.CREATES) {
        a = new Answer(State.PRESENT, "", Optional.empty());
        settled = true;
      } else if (e == Effect.ROOT_FILESYSTEM) {
        a = Answer.unknown();
        settled = true;
      } else if (e == Effect.MAY_CREATE && a.state() == State.ABSENT) {
        a = new Answer(State.MAYBE, a.why(), Optional.of(i));
      }
    }
    return out;
  }

  /** Whether the stage builds a Windows image (see {@link Platforms#windows}). */
  boolean windows(Stage s) {
    return Platforms.windows(model, s);
  }

  private Answer walk(Stage s, String path, Optional<Instruction> stop, int depth) {
    if (depth > MAX_DEPTH || !path.startsWith("/") || windows(s)) {
      return Answer.unknown();
    }
    Answer a = base(s, path, depth);
    for (Instruction i : s.instructions()) {
      if (stop.isPresent() && i == stop.get()) {
        break;
      }
      if (a.state() != State.ABSENT && a.state() != State.MAYBE) {
        return a;
      }
      Effect e = effect(s, i, path, a.state());
      if (e == Effect.CREATES) {
        return new Answer(State.PRESENT, "", Optional.empty());
      }
      if (e == Effect.ROOT_FILESYSTEM) {
        return Answer.unknown();
      }
      if (e == Effect.MAY_CREATE && a.state() == State.ABSENT) {
        a = new Answer(State.MAYBE, a.why(), Optional.of(i));
      }
    }
    return a;
  }

  private Answer base(Stage s, String path, int depth) {
    Base base = s.base();
    if (base instanceof Base.Scratch) {
      return new Answer(State.ABSENT, "FROM scratch", Optional.empty());
    }
    if (base instanceof Base.StageBase) {
      Stage parent = model.baseStage(s).orElseThrow();
      Answer a = walk(parent, path, Optional.empty(), depth + 1);
      String why = "FROM " + parent.displayName() + ", which is " + a.why();
      return new Answer(a.state(), why, a.creator());
    }
    Base.ImageBase image = (Base.ImageBase) base;
    if (!image.complete() || image.ref().isEmpty()) {
      return Answer.unknown();
    }
    ImageRef ref = image.ref().get();
    Platform platform = s.platform().orElse(model.options().targetPlatform());
    if (!(ctx.input().images().lookup(ref, platform, true) instanceof Lookup.Found found)
        || found.image().files().isEmpty()) {
      return Answer.unknown();
    }
    Optional<FileEntry> entry = found.image().files().get().resolve(path);
    if (entry.isPresent()) {
      return new Answer(State.PRESENT, "", Optional.empty());
    }
    return new Answer(
        State.ABSENT, "FROM " + ref.familiar() + ", which has no " + path, Optional.empty());
  }

  private enum Effect {
    NONE,
    MAY_CREATE,
    CREATES,
    /** Copies to {@code /}: a root filesystem (an ADDed rootfs tarball, a whole stage). */
    ROOT_FILESYSTEM
  }

  private Effect effect(Stage s, Instruction i, String path, State now) {
    Optional<Word> dest = Optional.empty();
    int sources = 0;
    if (i instanceof CopyInstruction c) {
      dest = c.destination();
      sources = c.sources().size() + c.heredocs().size();
    } else if (i instanceof AddInstruction a) {
      dest = a.destination();
      sources = a.sources().size() + a.heredocs().size();
    } else if (i instanceof RunInstruction r) {
      boolean shellForm = r.command().orElse(null) instanceof Command.ShellForm;
      List<String> shell = s.shellFor(i);
      if (shellForm && now == State.ABSENT && !shell.isEmpty() && shell.get(0).equals(path)) {
        return Effect.NONE;
      }
      return Effect.MAY_CREATE;
    }
    if (dest.isEmpty()) {
      return Effect.NONE;
    }
    String raw = dest.get().value();
    String expanded = model.expand(raw, s.scopeBefore(i)).orElse(raw);
    String absolute = CopyDestination.absolute(s.workdirFor(i), expanded);
    boolean directory = absolute.endsWith("/") || absolute.endsWith("/.");
    String target = SemanticModel.resolvePath("/", absolute);
    if (target.equals(path) && !directory && sources == 1 && i instanceof CopyInstruction) {
      return Effect.CREATES;
    }
    if (target.equals("/")) {
      return Effect.ROOT_FILESYSTEM;
    }
    if (target.equals(path) || path.startsWith(target + "/")) {
      return Effect.MAY_CREATE;
    }
    return Effect.NONE;
  }

  /** The program a shell-form instruction runs: the first word of the SHELL in force. */
  static Optional<String> shellProgram(Stage s, Instruction i) {
    List<String> shell = s.shellFor(i);
    return shell.isEmpty() ? Optional.empty() : Optional.of(shell.get(0));
  }
}
