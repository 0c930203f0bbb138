package dev.dockerlint.context;

import dev.dockerlint.context.CopyPlan.Issue;
import dev.dockerlint.context.CopyPlan.Kind;
import dev.dockerlint.context.CopyPlan.Placement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Computes where each source of a {@code COPY} ends up, as BuildKit (fsutil's {@code copy.Copy})
 * places it. A pure function of a {@link CopyRequest}.
 *
 * <ul>
 *   <li>A relative destination is joined with {@code WORKDIR}; {@code .} means {@code WORKDIR/}.
 *   <li>A directory source copies its <em>contents</em> into the destination, which becomes a
 *       directory whether or not it ends in {@code /}.
 *   <li>A file goes inside the destination if it ends in {@code /} (or {@code /.}), is known to be
 *       a directory in the image, or an earlier source of the same instruction made it one;
 *       otherwise the file is written <em>as</em> the destination.
 *   <li>With {@code --parents}, each match keeps its path below the source's {@code /./} pivot (the
 *       context root if there is none).
 *   <li>Modes come from the source unless {@code --chmod} is given: octal replaces them, symbolic
 *       changes them per entry (see {@link Chmod}); symlinks keep theirs. {@code --chown} is
 *       recorded as written.
 * </ul>
 *
 * <p>BuildKit does not enforce the reference's rule that several sources need a destination ending
 * in {@code /}; this plan follows BuildKit and reports the case as an {@link Issue}.
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/#copy">Dockerfile reference: COPY</a>
 */
public final class CopyDestination {
  private static final int NEW_DIRECTORY_MODE = 0755;

  private CopyDestination() {}

  /** Makes {@code destination} absolute against {@code workdir}, keeping a trailing slash. */
  public static String absolute(String workdir, String destination) {
    String dest = destination.isEmpty() || destination.equals(".") ? "./" : destination;
    String path =
        dest.startsWith("/") ? GoPath.clean(dest) : GoPath.clean("/" + workdir + "/" + dest);
    if (dest.endsWith("/") && !path.endsWith("/")) {
      path += "/";
    } else if (dest.endsWith("/.")) {
      path = (path.equals("/") ? "/" : path + "/") + ".";
    }
    return path;
  }

  /** Places every source of the request. */
  public static CopyPlan plan(CopyRequest request) {
    String destination = absolute(request.workdir(), request.destination());
    String dest = GoPath.clean(destination);
    boolean slash = destination.endsWith("/") || destination.endsWith("/.");
    List<Issue> issues = new ArrayList<>();
    Optional<Chmod> chmod = request.chmod().map(Chmod::parse);
    if (chmod.isPresent() && chmod.get().error().isPresent()) {
      issues.add(new Issue(Kind.INVALID_CHMOD, chmod.get().error().get()));
      chmod = Optional.empty();
    }
    Set<String> directories = new HashSet<>(request.existingDirectories());
    if (slash) {
      directories.add(dest);
    }
    Planner planner = new Planner(chmod, request.chown(), directories, issues);

    if (request.sources().size() > 1 && !slash && !request.existingDirectories().contains(dest)) {
      issues.add(
          new Issue(
              Kind.SEVERAL_SOURCES_WITHOUT_TRAILING_SLASH,
              "copying "
                  + request.sources().size()
                  + " sources to '"
                  + request.destination()
                  + "': end the destination with '/' to make it a directory"));
    }
    for (CopySource source : request.sources()) {
      if (request.parents()) {
        planner.parents(source, dest);
      } else if (source.entry().type() == EntryType.DIRECTORY) {
        planner.directory(source, dest);
      } else {
        String target = directories.contains(dest) ? join(dest, source.entry().name()) : dest;
        planner.place(source.entry(), target);
      }
    }
    return new CopyPlan(destination, planner.placements, issues);
  }

  private static String join(String dir, String relative) {
    return GoPath.clean(dir + "/" + relative);
  }

  /** Path of {@code path} below {@code parent}; {@code parent} "." is the context root. */
  private static String below(String parent, String path) {
    if (parent.equals(".")) {
      return path;
    }
    return path.equals(parent) ? "." : path.substring(parent.length() + 1);
  }

  private static final class Planner {
    final List<Placement> placements = new ArrayList<>();
    private final Map<String, Integer> byTarget = new HashMap<>();
    private final Optional<Chmod> chmod;
    private final Optional<String> chown;
    private final Set<String> directories;
    private final List<Issue> issues;

    Planner(
        Optional<Chmod> chmod,
        Optional<String> chown,
        Set<String> directories,
        List<Issue> issues) {
      this.chmod = chmod;
      this.chown = chown;
      this.directories = directories;
      this.issues = issues;
    }

    void directory(CopySource source, String dest) {
      if (isFile(dest)) {
        issues.add(
            new Issue(
                Kind.DIRECTORY_ONTO_FILE,
                "cannot copy directory '"
                    + source.entry().path()
                    + "' to '"
                    + dest
                    + "', which an earlier source made a file"));
        return;
      }
      if (!directories.contains(dest)) {
        int mode =
            chmod
                .flatMap(
                    c ->
                        c.octal().isPresent()
                            ? Optional.of(c.octal().getAsInt())
                            : Optional.empty())
                .orElse(NEW_DIRECTORY_MODE);
        record(source.entry(), dest, EntryType.DIRECTORY, mode);
        directories.add(dest);
      }
      for (ContextEntry inside : source.contents()) {
        place(inside, join(dest, below(source.entry().path(), inside.path())));
      }
    }

    void parents(CopySource source, String dest) {
      String pivot = BuildContext.parentsPivot(source.source());
      String relative = below(pivot, source.entry().path());
      place(source.entry(), join(dest, relative));
      for (ContextEntry inside : source.contents()) {
        place(inside, join(dest, below(pivot, inside.path())));
      }
    }

    void place(ContextEntry entry, String target) {
      if (entry.type() == EntryType.DIRECTORY) {
        directories.add(target);
      } else if (isFile(target)) {
        issues.add(
            new Issue(
                Kind.OVERWRITTEN,
                "'"
                    + entry.path()
                    + "' overwrites '"
                    + placements.get(byTarget.get(target)).source().path()
                    + "' at "
                    + target));
      }
      int mode =
          entry.type() == EntryType.SYMLINK
              ? entry.mode()
              : chmod
                  .map(c -> c.apply(entry.mode(), entry.type() == EntryType.DIRECTORY))
                  .orElse(entry.mode());
      record(entry, target, entry.type(), mode);
    }

    private boolean isFile(String target) {
      Integer at = byTarget.get(target);
      return at != null && placements.get(at).type() != EntryType.DIRECTORY;
    }

    private void record(ContextEntry entry, String target, EntryType type, int mode) {
      byTarget.put(target, placements.size());
      placements.add(new Placement(entry, target, type, mode, chown));
    }
  }
}
