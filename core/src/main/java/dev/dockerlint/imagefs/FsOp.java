package dev.dockerlint.imagefs;

import dev.dockerlint.imagefs.FsState.Absent;
import dev.dockerlint.imagefs.FsState.Present;
import dev.dockerlint.imagefs.FsState.Unknown;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** One instruction's change to a stage's filesystem, applied path by path. */
interface FsOp {

  /** The state of {@code path} after this change, given its state before. */
  FsState apply(String path, FsState before);

  /**
   * A filesystem: a base with the first {@code count} changes of {@code ops} on top, in order.
   * {@code ops} may grow later (a stage appends its changes while it is built); the first {@code
   * count} never change, so views share the list instead of copying it.
   */
  static FsView layered(FsView base, List<FsOp> ops, int count) {
    return path -> {
      FsState s = base.get(path);
      for (int k = 0; k < count; k++) {
        s = ops.get(k).apply(path, s);
      }
      return s;
    };
  }

  /**
   * Entries placed at known paths (a COPY from the build context, a heredoc), plus directories that
   * exist afterwards (parents of what was placed, a WORKDIR).
   */
  record Place(Map<String, FsNode> nodes, Set<String> directories, Origin directoryOrigin)
      implements FsOp {
    public Place {
      nodes = Map.copyOf(nodes);
      directories = Set.copyOf(directories);
    }

    @Override
    public FsState apply(String path, FsState before) {
      FsNode n = nodes.get(path);
      if (n != null) {
        return new Present(n);
      }
      if (directories.contains(path)
          && !(before instanceof Present p && (p.node().isDirectory() || p.node().isSymlink()))) {
        return new Present(FsNode.directory(path, directoryOrigin));
      }
      return before;
    }
  }

  /**
   * A tree copied to {@code destination} from {@code sourceRoot} of another filesystem ({@code COPY
   * --from}, a directory, an archive): what is below the destination is what is below the source,
   * merged with what was there. Without a source the copied content is unknown.
   */
  record Mirror(
      String destination,
      Optional<FsView> source,
      String sourceRoot,
      UnaryOperator<FsNode> transform,
      String unknownWhy)
      implements FsOp {

    @Override
    public FsState apply(String path, FsState before) {
      if (!FsPaths.isWithin(path, destination)) {
        return before;
      }
      if (source.isEmpty()) {
        return new Unknown(unknownWhy);
      }
      String mapped = FsPaths.join(sourceRoot, FsPaths.relative(path, destination));
      FsState s =
          path.equals(destination) ? source.get().resolve(sourceRoot) : source.get().get(mapped);
      if (s instanceof Present p) {
        return new Present(transform.apply(p.node().at(path)), p.mayChange());
      }
      if (s instanceof Absent) {
        return path.equals(destination) ? new Unknown(unknownWhy) : before;
      }
      return s;
    }
  }
}
