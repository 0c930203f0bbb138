package dev.dockerlint.imagefs;

import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.Instruction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * One stage's filesystem, environment {@code PATH} and user at each instruction: the base (empty
 * for {@code FROM scratch}, an earlier stage's final state, the base image's files when an {@link
 * dev.dockerlint.image.ImageMetadataSource} can list them, otherwise unknown) with every COPY, ADD,
 * RUN and WORKDIR of the stage on top.
 */
public final class StageFs {
  private final Stage stage;
  private final FsView base;
  private final String baseDescription;
  private final List<FsOp> ops = new ArrayList<>();

  /**
   * For each path asked about: its state on the base and after each of the first changes of {@code
   * ops} ({@code history.get(path).get(k)} is the state after {@code k} changes). Extended on
   * demand; since {@code ops} only grows and its first entries never change, an entry stays valid.
   * Every view of the stage reads it, so asking about a path at each of {@code n} instructions
   * costs {@code n} changes in all, not {@code n} per instruction.
   */
  private final Map<String, List<FsState>> history = new HashMap<>();

  private final Map<Instruction, Integer> opsBefore = new IdentityHashMap<>();
  private final Map<Instruction, SearchPath> pathBefore = new IdentityHashMap<>();
  private final Map<Instruction, List<String>> mounts = new IdentityHashMap<>();
  private final Optional<List<String>> baseEntrypoint;
  private final UserSpec baseUser;
  private SearchPath finalPath;

  /**
   * The exec problems of the stage ({@link ExecAnalysis#ofStage}), by whether the final stage needs
   * it and whether it is the final stage (at {@code 2 * built + isLast}). Kept here, they come
   * along when the next lint of the document takes this filesystem over: the same stage, with the
   * same base image answers and the same stages copied from.
   */
  private final AtomicReferenceArray<List<ExecProblem>> problems = new AtomicReferenceArray<>(4);

  StageFs(
      Stage stage,
      FsView base,
      String baseDescription,
      Optional<List<String>> baseEntrypoint,
      UserSpec baseUser) {
    this.stage = stage;
    this.base = base;
    this.baseDescription = baseDescription;
    this.baseEntrypoint = baseEntrypoint;
    this.baseUser = baseUser;
  }

  List<ExecProblem> problems(boolean built, boolean isLast, Supplier<List<ExecProblem>> compute) {
    int at = (built ? 2 : 0) + (isLast ? 1 : 0);
    List<ExecProblem> known = problems.get(at);
    if (known == null) {
      known = compute.get();
      problems.set(at, known);
    }
    return known;
  }

  void mark(Instruction i, SearchPath path) {
    opsBefore.put(i, ops.size());
    pathBefore.put(i, path);
  }

  void mounts(Instruction run, List<String> targets) {
    mounts.put(run, List.copyOf(targets));
  }

  void add(FsOp op) {
    ops.add(op);
  }

  void finish(SearchPath path) {
    finalPath = path;
  }

  public Stage stage() {
    return stage;
  }

  /** What the stage starts from, for messages ({@code FROM scratch}, {@code the image x}). */
  public String baseDescription() {
    return baseDescription;
  }

  /** The filesystem just before {@code i} runs. */
  public FsView before(Instruction i) {
    Integer n = opsBefore.get(i);
    return layered(n == null ? ops.size() : n);
  }

  /** The filesystem of the base with the first {@code count} changes on top. */
  private FsView layered(int count) {
    return path -> stateAfter(path, count);
  }

  /**
   * The state of {@code path} after the first {@code count} changes. A change may itself ask about
   * other paths of this stage (a RUN's {@code cp} reads its source), so the history is extended one
   * change at a time and looked up again after each.
   */
  private synchronized FsState stateAfter(String path, int count) {
    List<FsState> h = history.get(path);
    if (h == null) {
      FsState start = base.get(path);
      h = history.computeIfAbsent(path, p -> new ArrayList<>());
      if (h.isEmpty()) {
        h.add(start);
      }
    }
    while (h.size() <= count) {
      int k = h.size() - 1;
      FsState next = ops.get(k).apply(path, h.get(k));
      if (h.size() == k + 1) {
        h.add(next);
      }
    }
    return h.get(count);
  }

  /**
   * The filesystem a RUN sees while it runs: the one before it, with what its {@code --mount}s
   * (bind, cache, tmpfs, secret) put at their targets, which is not known.
   */
  public FsView during(Instruction run) {
    FsView before = before(run);
    List<String> targets = mounts.getOrDefault(run, List.of());
    if (targets.isEmpty()) {
      return before;
    }
    return path -> {
      for (String t : targets) {
        if (FsPaths.isWithin(path, t)) {
          return new FsState.Unknown(
              "mounted by --mount at line " + (run.range().start().line() + 1));
        }
        if (FsPaths.isWithin(t, path) && before.get(path) instanceof FsState.Absent) {
          return new FsState.Present(
              FsNode.directory(path, Origin.of(Optional.of(run), "made for a --mount")));
        }
      }
      return before.get(path);
    };
  }

  /** The filesystem at the end of the stage: what a container of its image sees. */
  public FsView atEnd() {
    return layered(ops.size());
  }

  /** The {@code PATH} of the environment {@code i} runs in. */
  public SearchPath pathBefore(Instruction i) {
    return pathBefore.getOrDefault(i, finalPath);
  }

  /** The {@code PATH} of the image the stage produces. */
  public SearchPath finalPath() {
    return finalPath;
  }

  /** The user {@code i} runs as. */
  public UserSpec userFor(Instruction i) {
    return stage.userFor(i).map(UserSpec::parse).orElse(baseUser);
  }

  /** The user a container of the stage's image runs as. */
  public UserSpec finalUser() {
    return stage.finalUser().map(UserSpec::parse).orElse(baseUser);
  }

  /**
   * The ENTRYPOINT the base image gives the stage when the Dockerfile sets none: empty list for
   * none, empty optional when it is not known.
   */
  public Optional<List<String>> baseEntrypoint() {
    return baseEntrypoint;
  }
}
