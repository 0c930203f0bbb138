package dev.dockerlint.imagefs;

import dev.dockerlint.imagefs.FsState.Absent;
import dev.dockerlint.imagefs.FsState.Present;
import dev.dockerlint.imagefs.FsState.Unknown;
import dev.dockerlint.syntax.Instruction;
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
   * merged with what was there. Without a source the copied content is unknown: a path that was
   * absent is then absent unless {@code copiedBy} put it there (see {@link Unknown#otherwise()}),
   * except the destination itself when the copy surely creates it, and anything when no copy is
   * named (a root filesystem copied to {@code /}).
   */
  record Mirror(
      String destination,
      Optional<FsView> source,
      String sourceRoot,
      UnaryOperator<FsNode> transform,
      String unknownWhy,
      Optional<Instruction> copiedBy,
      boolean createsDestination)
      implements FsOp {

    /** A copy of unknown contents to {@code destination}. */
    static Mirror unknown(
        String destination, String why, Optional<Instruction> copiedBy, boolean creates) {
      return new Mirror(
          destination, Optional.empty(), "/", UnaryOperator.identity(), why, copiedBy, creates);
    }

    @Override
    public FsState apply(String path, FsState before) {
      if (!FsPaths.isWithin(path, destination)) {
        return before;
      }
      if (source.isEmpty()) {
        Optional<Absent> otherwise = Optional.empty();
        if (before instanceof Absent a) {
          otherwise = Optional.of(a);
        } else if (before instanceof Unknown u) {
          otherwise = u.otherwise();
        }
        if (copiedBy.isEmpty() || (createsDestination && path.equals(destination))) {
          return new Unknown(unknownWhy);
        }
        return new Unknown(
            unknownWhy, otherwise.map(a -> a.alsoMayCreate(List.of(copiedBy.get()))));
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
