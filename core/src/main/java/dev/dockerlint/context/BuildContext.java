package dev.dockerlint.context;

import dev.dockerlint.context.ContextFiles.Stat;
import dev.dockerlint.context.ContextProblem.Kind;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A build context directory with its {@code .dockerignore}, answering what a {@code COPY} or {@code
 * ADD} source names, the way BuildKit resolves it.
 *
 * <ul>
 *   <li>Sources are relative to the context root; a leading {@code /} and {@code ..} that would
 *       leave the root are dropped, as is a trailing slash.
 *   <li>Wildcards follow Go's {@code filepath.Match} ({@code *}, {@code ?}, {@code [...]}, {@code
 *       \} escapes), matched element by element; {@code *} never crosses a slash. {@code **} is not
 *       special (it acts like {@code *}) except with {@code COPY --parents}, see {@link
 *       #resolveParents}. The part before the first wildcard element is the base directory, walked
 *       without following symlinks; a matched directory is not entered.
 *   <li>A wildcard that matches nothing is no error for BuildKit (it copies nothing); a literal
 *       path that does not exist is.
 *   <li>Symlinks on the way to a source, and a source that is a symlink, are followed, scoped to
 *       the root as BuildKit does: an absolute target or {@code ..} never leaves the context.
 *       Symlinks inside a copied directory stay links.
 *   <li>Paths {@code .dockerignore} excludes are not in the context; an excluded directory is still
 *       there when an exception includes something below it.
 * </ul>
 *
 * <p>Reads are bounded by {@link Limits}; hitting a limit yields a partial result with a problem.
 * Instances are immutable and thread-safe; they remember nothing themselves (their {@link
 * ContextFiles} may).
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/#copy">Dockerfile reference: COPY</a>
 */
public final class BuildContext {

  /**
   * Bounds on the work one call may do.
   *
   * @param maxEntries directory entries examined per call
   * @param maxDepth directory levels walked below a source
   * @param maxSymlinks symlinks followed while resolving one path (Linux allows 40)
   */
  public record Limits(int maxEntries, int maxDepth, int maxSymlinks) {
    public Limits {
      if (maxEntries <= 0 || maxDepth <= 0 || maxSymlinks <= 0) {
        throw new IllegalArgumentException("limits must be positive");
      }
    }
  }

  /** Enough for a typical project, cheap enough for every keystroke. */
  public static final Limits DEFAULT_LIMITS = new Limits(20_000, 64, 40);

  private final Path root;
  private final DockerIgnore ignore;
  private final Limits limits;
  private final ContextFiles files;

  private BuildContext(Path root, DockerIgnore ignore, Limits limits, ContextFiles files) {
    this.root = root.toAbsolutePath().normalize();
    this.ignore = Objects.requireNonNull(ignore, "ignore");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.files = Objects.requireNonNull(files, "files");
  }

  public static BuildContext of(Path root, DockerIgnore ignore) {
    return new BuildContext(root, ignore, DEFAULT_LIMITS, ContextFiles.direct());
  }

  public static BuildContext of(Path root, DockerIgnore ignore, Limits limits) {
    return new BuildContext(root, ignore, limits, ContextFiles.direct());
  }

  /** A context whose file system questions {@code files} answers (see {@link ContextFiles}). */
  public static BuildContext of(Path root, DockerIgnore ignore, ContextFiles files) {
    return new BuildContext(root, ignore, DEFAULT_LIMITS, files);
  }

  /** What answers this context's file system questions. */
  public ContextFiles files() {
    return files;
  }

  public Path root() {
    return root;
  }

  public DockerIgnore ignore() {
    return ignore;
  }

  public Limits limits() {
    return limits;
  }

  /**
   * The context-relative path BuildKit uses for a source: {@code path.Clean("/" + source)} without
   * the leading slash, {@code "."} for the root.
   */
  public static String cleanSource(String source) {
    String cleaned = GoPath.clean("/" + source);
    return cleaned.equals("/") ? "." : cleaned.substring(1);
  }

  /** Resolves a {@code COPY}/{@code ADD} source from the build context. */
  public SourceResolution resolve(String source) {
    String cleaned = cleanSource(source);
    List<String> elements = elements(cleaned);
    int first = 0;
    while (first < elements.size() && !GoGlob.hasWildcards(elements.get(first))) {
      first++;
    }
    Walk walk = new Walk();
    if (first == elements.size()) {
      walk.literal(cleaned);
      return new SourceResolution(source, cleaned, false, walk.entries, walk.problems);
    }
    String base =
        elements.subList(0, first).isEmpty() ? "." : String.join("/", elements.subList(0, first));
    String pattern = String.join("/", elements.subList(first, elements.size()));
    walk.wildcard(base, pattern, elements.size() - first);
    return new SourceResolution(source, cleaned, true, walk.entries, walk.problems);
  }

  /**
   * Resolves a source of {@code COPY --parents}: the part after an optional {@code /./} pivot is
   * matched with patternmatcher rules ({@code **} spans directories) against paths below the pivot
   * (the root if there is none). Matched symlinks are not followed. A source without wildcards must
   * exist.
   */
  public SourceResolution resolveParents(String source) {
    String pivot = parentsPivot(source);
    int at = source.indexOf("/./");
    String pattern = cleanSource(at < 0 ? source : source.substring(at + 3));
    Walk walk = new Walk();
    MobyPattern.Compiled compiled = MobyPattern.compile(pattern);
    boolean wildcard = GoGlob.hasWildcards(source);
    if (compiled == null || compiled.error() != null) {
      String why = compiled == null ? "empty pattern" : compiled.error();
      walk.problem(
          Kind.NO_MATCH, pattern, "--parents source '" + source + "' matches nothing: " + why);
    } else if (pattern.equals(".")) {
      walk.literal(pivot);
    } else {
      walk.parents(pivot, compiled.pattern());
      if (walk.entries.isEmpty() && walk.problems.isEmpty()) {
        Kind kind = wildcard ? Kind.NO_MATCH : Kind.NOT_FOUND;
        walk.problem(
            kind,
            GoPath.join(pivot, pattern),
            "\"/" + GoPath.join(pivot, pattern) + "\": not found");
      }
    }
    return new SourceResolution(source, cleanSource(source), wildcard, walk.entries, walk.problems);
  }

  /** The pivot directory of a {@code --parents} source: before {@code /./}, else the root. */
  static String parentsPivot(String source) {
    int at = source.indexOf("/./");
    return at < 0 ? "." : cleanSource(source.substring(0, at));
  }

  /**
   * Everything BuildKit would copy from inside a directory entry (as returned by {@link #resolve}),
   * parents before children. Excluded entries are left out.
   */
  public Listing contents(ContextEntry directory) {
    Walk walk = new Walk();
    if (directory.type() == EntryType.DIRECTORY) {
      walk.list(directory.path(), directory.resolvedPath(), 1);
    }
    return new Listing(walk.entries, walk.problems);
  }

  private static List<String> elements(String cleaned) {
    if (cleaned.equals(".")) {
      return List.of();
    }
    return Arrays.asList(cleaned.split("/"));
  }

  private Stat lstat(Path path) throws IOException {
    return files.lstat(path);
  }

  /** Whether {@code path} is a symlink; false when it cannot be read. */
  private boolean isSymlink(Path path) {
    return typeOf(path) == EntryType.SYMLINK;
  }

  /** The type of the entry at {@code path}, or null when there is none or it cannot be read. */
  private EntryType typeOf(Path path) {
    try {
      return files.lstat(path).type();
    } catch (IOException e) {
      return null;
    }
  }

  /** The state of one call: results, problems and the entry budget. Not shared. */
  private final class Walk {
    final List<ContextEntry> entries = new ArrayList<>();
    final List<ContextProblem> problems = new ArrayList<>();
    private int examined;
    private boolean full;

    void problem(Kind kind, String path, String message) {
      problems.add(new ContextProblem(kind, path, message));
    }

    /** Counts one examined entry; false (and a problem, once) when the budget is spent. */
    private boolean spend(String path) {
      if (full) {
        return false;
      }
      if (++examined > limits.maxEntries()) {
        full = true;
        problem(
            Kind.TOO_MANY_ENTRIES,
            path,
            "stopped after " + limits.maxEntries() + " entries; the result is partial");
        return false;
      }
      return true;
    }

    /** Follows symlinks in a context-relative path, scoped to the root; null after a problem. */
    String follow(String path, boolean followLast) {
      Deque<String> todo = new ArrayDeque<>(elements(GoPath.clean(path)));
      List<String> done = new ArrayList<>();
      int hops = 0;
      while (!todo.isEmpty()) {
        String element = todo.removeFirst();
        if (element.isEmpty() || element.equals(".")) {
          continue;
        }
        if (element.equals("..")) {
          if (!done.isEmpty()) {
            done.remove(done.size() - 1);
          }
          continue;
        }
        done.add(element);
        if (todo.isEmpty() && !followLast) {
          break;
        }
        Path current = root.resolve(String.join("/", done));
        if (!isSymlink(current)) {
          continue;
        }
        if (++hops > limits.maxSymlinks()) {
          problem(
              Kind.SYMLINK_LOOP,
              path,
              "too many levels of symbolic links resolving '" + path + "' (a loop?)");
          return null;
        }
        String target;
        try {
          target = files.readLink(current);
        } catch (IOException e) {
          problem(
              Kind.UNREADABLE,
              path,
              "cannot read symlink '" + String.join("/", done) + "': " + e.getMessage());
          return null;
        }
        done.remove(done.size() - 1);
        if (target.startsWith("/")) {
          done.clear();
        }
        List<String> parts = new ArrayList<>(Arrays.asList(target.split("/")));
        Collections.reverse(parts);
        parts.forEach(todo::addFirst);
      }
      return done.isEmpty() ? "." : String.join("/", done);
    }

    /** Whether a path is part of the sent context. */
    boolean present(String real, EntryType type) {
      if (!ignore.isExcluded(real)) {
        return true;
      }
      return type == EntryType.DIRECTORY
          && ignore.mayIncludeBelow(real)
          && hasIncludedBelow(real, 1);
    }

    private boolean hasIncludedBelow(String real, int depth) {
      if (depth > limits.maxDepth()) {
        return false;
      }
      for (String name : children(real)) {
        String child = GoPath.join(real, name);
        if (!spend(child)) {
          return false;
        }
        if (!ignore.isExcluded(child)) {
          return true;
        }
        Path p = root.resolve(child);
        if (typeOf(p) == EntryType.DIRECTORY
            && ignore.mayIncludeBelow(child)
            && hasIncludedBelow(child, depth + 1)) {
          return true;
        }
      }
      return false;
    }

    /** Sorted names in a directory; empty (with a problem) if it cannot be read. */
    List<String> children(String real) {
      try {
        return files.list(root.resolve(real));
      } catch (IOException e) {
        problem(Kind.UNREADABLE, real, "cannot list '" + real + "': " + e.getMessage());
        return List.of();
      }
    }

    void literal(String cleaned) {
      String real = follow(cleaned, true);
      if (real == null) {
        return;
      }
      Stat stat;
      try {
        stat = lstat(root.resolve(real));
      } catch (NoSuchFileException e) {
        problem(Kind.NOT_FOUND, cleaned, "\"/" + cleaned + "\": not found in the build context");
        return;
      } catch (IOException e) {
        problem(Kind.UNREADABLE, cleaned, "cannot read '" + cleaned + "': " + e.getMessage());
        return;
      }
      if (!present(real, stat.type()) || (!cleaned.equals(real) && ignore.isExcluded(cleaned))) {
        problem(
            Kind.EXCLUDED,
            cleaned,
            "'" + cleaned + "' is excluded by .dockerignore, so the build cannot find it");
        return;
      }
      entries.add(entry(cleaned, real, stat, linkTextOf(cleaned)));
    }

    private Optional<String> linkTextOf(String cleaned) {
      if (cleaned.equals(".")) {
        return Optional.empty();
      }
      String unfollowed = follow(cleaned, false);
      if (unfollowed == null) {
        return Optional.empty();
      }
      Path p = root.resolve(unfollowed);
      if (!isSymlink(p)) {
        return Optional.empty();
      }
      try {
        return Optional.of(files.readLink(p));
      } catch (IOException e) {
        return Optional.empty();
      }
    }

    private ContextEntry entry(String shown, String real, Stat stat, Optional<String> link) {
      return new ContextEntry(
          shown, stat.type(), stat.size(), stat.mode(), link, real, root.resolve(real));
    }

    void wildcard(String base, String pattern, int depth) {
      String realBase = follow(base, true);
      if (realBase == null) {
        return;
      }
      EntryType baseType = typeOf(root.resolve(realBase));
      if (baseType == null) {
        problem(Kind.NOT_FOUND, base, "\"/" + base + "\": not found in the build context");
        return;
      }
      if (baseType != EntryType.DIRECTORY) {
        problem(Kind.NOT_A_DIRECTORY, base, "'" + base + "' is not a directory");
        return;
      }
      String syntax = GoGlob.syntaxError(pattern);
      if (syntax == null) {
        match(base, realBase, "", pattern, 1, depth);
      }
      if (entries.isEmpty() && problems.isEmpty()) {
        String where = GoPath.join(base, pattern);
        problem(
            Kind.NO_MATCH,
            where,
            syntax == null
                ? "'" + where + "' matches nothing; BuildKit copies nothing and goes on"
                : "'" + where + "' is a malformed pattern (" + syntax + ") and matches nothing");
      }
    }

    private void match(
        String base, String realDir, String relDir, String pattern, int level, int depth) {
      for (String name : children(realDir)) {
        String rel = relDir.isEmpty() ? name : relDir + "/" + name;
        String real = GoPath.join(realDir, name);
        if (!spend(real)) {
          return;
        }
        Stat stat;
        try {
          stat = lstat(root.resolve(real));
        } catch (IOException e) {
          problem(Kind.UNREADABLE, real, "cannot read '" + real + "': " + e.getMessage());
          continue;
        }
        if (!present(real, stat.type())) {
          continue;
        }
        if (GoGlob.matches(pattern, rel)) {
          followed(GoPath.join(base, rel), real, stat);
        } else if (stat.type() == EntryType.DIRECTORY && level < depth) {
          match(base, real, rel, pattern, level + 1, depth);
        }
      }
    }

    /** Adds a matched source, following it if it is a symlink, as BuildKit's copy does. */
    private void followed(String shown, String real, Stat stat) {
      if (stat.type() != EntryType.SYMLINK) {
        entries.add(entry(shown, real, stat, Optional.empty()));
        return;
      }
      Optional<String> link = linkTextOf(real);
      String target = follow(real, true);
      if (target == null) {
        return;
      }
      try {
        Stat targetStat = lstat(root.resolve(target));
        if (!present(target, targetStat.type())) {
          problem(
              Kind.EXCLUDED,
              shown,
              "'" + shown + "' points to '" + target + "', which .dockerignore excludes");
          return;
        }
        entries.add(entry(shown, target, targetStat, link));
      } catch (NoSuchFileException e) {
        problem(
            Kind.NOT_FOUND,
            shown,
            "'"
                + shown
                + "' is a symlink to '"
                + link.orElse("?")
                + "', which is not in the build context");
      } catch (IOException e) {
        problem(Kind.UNREADABLE, shown, "cannot read '" + target + "': " + e.getMessage());
      }
    }

    void parents(String pivot, MobyPattern pattern) {
      String realPivot = follow(pivot, true);
      if (realPivot == null) {
        return;
      }
      if (typeOf(root.resolve(realPivot)) != EntryType.DIRECTORY) {
        problem(Kind.NOT_FOUND, pivot, "\"/" + pivot + "\": not found in the build context");
        return;
      }
      parentsBelow(pivot, realPivot, "", pattern, 1);
    }

    private void parentsBelow(
        String pivot, String realDir, String relDir, MobyPattern pattern, int depth) {
      if (depth > limits.maxDepth()) {
        problem(
            Kind.TOO_DEEP,
            realDir,
            "stopped below '" + realDir + "' at depth " + limits.maxDepth());
        return;
      }
      for (String name : children(realDir)) {
        String rel = relDir.isEmpty() ? name : relDir + "/" + name;
        String real = GoPath.join(realDir, name);
        if (!spend(real)) {
          return;
        }
        Stat stat;
        try {
          stat = lstat(root.resolve(real));
        } catch (IOException e) {
          problem(Kind.UNREADABLE, real, "cannot read '" + real + "': " + e.getMessage());
          continue;
        }
        if (!present(real, stat.type())) {
          continue;
        }
        if (pattern.matches(rel)) {
          Optional<String> link = Optional.empty();
          if (stat.type() == EntryType.SYMLINK) {
            link = linkTextOf(real);
          }
          entries.add(entry(GoPath.join(pivot, rel), real, stat, link));
        } else if (stat.type() == EntryType.DIRECTORY) {
          parentsBelow(pivot, real, rel, pattern, depth + 1);
        }
      }
    }

    void list(String shown, String real, int depth) {
      if (depth > limits.maxDepth()) {
        problem(
            Kind.TOO_DEEP, shown, "stopped below '" + shown + "' at depth " + limits.maxDepth());
        return;
      }
      for (String name : children(real)) {
        String childReal = GoPath.join(real, name);
        String childShown = GoPath.join(shown, name);
        if (!spend(childReal)) {
          return;
        }
        Stat stat;
        try {
          stat = lstat(root.resolve(childReal));
        } catch (IOException e) {
          problem(
              Kind.UNREADABLE, childShown, "cannot read '" + childShown + "': " + e.getMessage());
          continue;
        }
        Optional<String> link = Optional.empty();
        if (stat.type() == EntryType.SYMLINK) {
          try {
            link = Optional.of(files.readLink(root.resolve(childReal)));
          } catch (IOException e) {
            problem(
                Kind.UNREADABLE,
                childShown,
                "cannot read symlink '" + childShown + "': " + e.getMessage());
          }
        }
        boolean excluded = ignore.isExcluded(childReal);
        if (!excluded) {
          entries.add(entry(childShown, childReal, stat, link));
          if (stat.type() == EntryType.DIRECTORY) {
            list(childShown, childReal, depth + 1);
          }
        } else if (stat.type() == EntryType.DIRECTORY && ignore.mayIncludeBelow(childReal)) {
          int mark = entries.size();
          entries.add(entry(childShown, childReal, stat, link));
          list(childShown, childReal, depth + 1);
          if (entries.size() == mark + 1) {
            entries.remove(mark);
          }
        }
      }
    }
  }
}
