package dev.dockerlint.context;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A parsed {@code .dockerignore} file, matching paths the way Docker and BuildKit do
 * (moby/patternmatcher with its {@code ignorefile} reader).
 *
 * <ul>
 *   <li>A line starting with {@code #} in column 1 is a comment; blank lines are skipped; a UTF-8
 *       byte order mark on the first line is dropped; lines may end in CRLF.
 *   <li>Each pattern is trimmed and cleaned like Go's {@code filepath.Clean}; a leading {@code /}
 *       goes, so {@code /foo}, {@code ./foo} and {@code foo/} all mean {@code foo}.
 *   <li>Patterns use Go's {@code filepath.Match} syntax plus {@code **}, which matches any number
 *       of directories, including none.
 *   <li>A pattern excludes a path when it matches the path itself or any of its parent directories,
 *       so {@code node_modules} excludes everything below it.
 *   <li>{@code !pattern} is an exception that includes again; the last matching line decides.
 * </ul>
 *
 * <p>Docker refuses the whole file if one pattern is malformed; here such lines are reported in
 * {@link #problems()} and left out of matching. Which ignore file applies ({@code
 * <Dockerfile>.dockerignore} before {@code .dockerignore}) is the caller's concern. Instances are
 * immutable and thread-safe.
 *
 * @see <a href="https://docs.docker.com/build/concepts/context/#dockerignore-files">.dockerignore
 *     files</a>
 */
public final class DockerIgnore {
  private static final DockerIgnore EMPTY = new DockerIgnore(List.of(), List.of(), List.of());

  /**
   * A pattern line after Docker's preprocessing.
   *
   * @param line 1-based line number in the file
   * @param pattern the cleaned pattern, without the {@code !}
   * @param exception whether the line starts with {@code !}
   */
  public record Rule(int line, String pattern, boolean exception) {
    public Rule {
      Objects.requireNonNull(pattern, "pattern");
    }
  }

  /**
   * A line Docker would refuse, failing the build.
   *
   * @param line 1-based line number
   * @param text the line as written
   * @param reason what is wrong with it
   */
  public record InvalidLine(int line, String text, String reason) {
    public InvalidLine {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(reason, "reason");
    }
  }

  private final List<Rule> rules;
  private final List<MobyPattern> patterns;
  private final List<InvalidLine> problems;
  private final boolean hasExceptions;

  private DockerIgnore(List<Rule> rules, List<MobyPattern> patterns, List<InvalidLine> problems) {
    this.rules = List.copyOf(rules);
    this.patterns = List.copyOf(patterns);
    this.problems = List.copyOf(problems);
    this.hasExceptions = patterns.stream().anyMatch(MobyPattern::exception);
  }

  /** An ignore file that excludes nothing, as when there is none. */
  public static DockerIgnore empty() {
    return EMPTY;
  }

  /**
   * Reads and parses an ignore file (decoded as UTF-8).
   *
   * @throws IOException if it cannot be read
   */
  public static DockerIgnore read(Path file) throws IOException {
    return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
  }

  /** Parses the text of an ignore file. */
  public static DockerIgnore parse(String text) {
    List<Rule> rules = new ArrayList<>();
    List<MobyPattern> patterns = new ArrayList<>();
    List<InvalidLine> problems = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (i == 0 && line.startsWith("\ufeff")) {
        line = line.substring(1);
      }
      String pattern = preprocess(line);
      if (pattern == null) {
        continue;
      }
      MobyPattern.Compiled compiled = MobyPattern.compile(pattern);
      if (compiled == null) {
        continue;
      }
      if (compiled.error() != null) {
        problems.add(new InvalidLine(i + 1, lines[i], compiled.error()));
        continue;
      }
      MobyPattern p = compiled.pattern();
      patterns.add(p);
      rules.add(new Rule(i + 1, p.text(), p.exception()));
    }
    return new DockerIgnore(rules, patterns, problems);
  }

  /**
   * The {@code ignorefile.ReadAll} step: comments and blank lines go (null), {@code !} is kept, and
   * the pattern is cleaned with its leading slash removed.
   */
  private static String preprocess(String line) {
    if (line.startsWith("#")) {
      return null;
    }
    String pattern = GoPath.trimSpace(line);
    if (pattern.isEmpty()) {
      return null;
    }
    boolean invert = pattern.charAt(0) == '!';
    if (invert) {
      pattern = GoPath.trimSpace(pattern.substring(1));
    }
    if (!pattern.isEmpty()) {
      pattern = GoPath.clean(pattern);
      if (pattern.length() > 1 && pattern.charAt(0) == '/') {
        pattern = pattern.substring(1);
      }
    }
    return invert ? "!" + pattern : pattern;
  }

  /** The usable patterns, in file order. */
  public List<Rule> rules() {
    return rules;
  }

  /** Lines Docker would refuse; they take no part in matching. */
  public List<InvalidLine> problems() {
    return problems;
  }

  /** Whether any pattern is an exception ({@code !...}). */
  public boolean hasExceptions() {
    return hasExceptions;
  }

  /**
   * Whether a context-relative, slash-separated path is left out of the build context. The root
   * ({@code "."}) is never excluded.
   */
  public boolean isExcluded(String path) {
    String file = GoPath.clean(path);
    if (file.equals(".") || patterns.isEmpty()) {
      return false;
    }
    boolean matched = false;
    for (MobyPattern pattern : patterns) {
      if (pattern.exception() != matched) {
        continue;
      }
      if (pattern.matchesOrParent(file)) {
        matched = !pattern.exception();
      }
    }
    return matched;
  }

  /**
   * Whether an exception could include something inside an excluded directory, so that it must be
   * walked. This is BuildKit's (fsutil's) shortcut: without exceptions, or when every exception is
   * a literal path outside {@code dir}, nothing below it comes back.
   */
  boolean mayIncludeBelow(String dir) {
    if (!hasExceptions) {
      return false;
    }
    String dirSlash = GoPath.clean(dir) + "/";
    for (MobyPattern pattern : patterns) {
      if (pattern.exception()
          && (pattern.hasWildcards() || (pattern.text() + "/").startsWith(dirSlash))) {
        return true;
      }
    }
    return false;
  }
}
