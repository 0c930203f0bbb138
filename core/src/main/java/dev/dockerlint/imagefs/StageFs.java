package dev.dockerlint.imagefs;

import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.Instruction;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
  private final Map<Instruction, Integer> opsBefore = new IdentityHashMap<>();
  private final Map<Instruction, SearchPath> pathBefore = new IdentityHashMap<>();
  private final Map<Instruction, List<String>> mounts = new IdentityHashMap<>();
  private final Optional<List<String>> baseEntrypoint;
  private final UserSpec baseUser;
  private SearchPath finalPath;

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
    return FsOp.layered(base, ops, n == null ? ops.size() : n);
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
              FsNode.directory(path, Origin.of(java.util.Optional.of(run), "made for a --mount")));
        }
      }
      return before.get(path);
    };
  }

  /** The filesystem at the end of the stage: what a container of its image sees. */
  public FsView atEnd() {
    return FsOp.layered(base, ops, ops.size());
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
