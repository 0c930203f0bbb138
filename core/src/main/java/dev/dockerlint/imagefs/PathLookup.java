package dev.dockerlint.imagefs;

import dev.dockerlint.imagefs.FsState.Absent;
import dev.dockerlint.imagefs.FsState.Present;
import dev.dockerlint.imagefs.FsState.Unknown;
import dev.dockerlint.syntax.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Looks a program name up in a {@link SearchPath} the way runc does (Go's {@code exec.LookPath}):
 * the first PATH entry holding a non-directory with an execute bit wins; a file without one is
 * passed over. The answer is unknown as soon as an entry that comes first cannot be decided.
 *
 * @param state present (the program found), absent (in no entry; {@code mayCreate} lists RUNs that
 *     may have put it somewhere), or unknown
 * @param path the path found, or the name when none was
 * @param passedOver files with the name that have no execute bit
 */
public record PathLookup(FsState state, String path, List<String> passedOver) {

  public PathLookup {
    passedOver = List.copyOf(passedOver);
  }

  /** Finds {@code name} (no slash) in {@code path}; relative entries are relative to workdir. */
  public static PathLookup find(FsView view, String name, SearchPath path, String workdir) {
    List<Instruction> maybe = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Optional<String> entry : path.entries()) {
      if (entry.isEmpty()) {
        return new PathLookup(new Unknown("PATH is not known"), name, skipped);
      }
      String candidate = FsPaths.absolute(FsPaths.absolute(workdir, entry.get()), name);
      FsState st = view.resolve(candidate);
      if (st instanceof Unknown) {
        return new PathLookup(st, candidate, skipped);
      }
      if (st instanceof Present p) {
        boolean exec = p.node().mode().isEmpty() || (p.node().mode().getAsInt() & 0111) != 0;
        if (!p.node().isDirectory() && exec) {
          return new PathLookup(p, candidate, skipped);
        }
        skipped.add(candidate);
        maybe.addAll(p.mayChange());
      } else {
        maybe.addAll(((Absent) st).mayCreate());
      }
    }
    String why = skipped.isEmpty() ? "" : "; " + String.join(", ", skipped) + " is not executable";
    return new PathLookup(new Absent(why, maybe, false), name, skipped);
  }
}
