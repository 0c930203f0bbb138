package dev.dockerlint.engine;

import dev.dockerlint.rules.RuleMeta;
import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.syntax.Comment;
import dev.dockerlint.syntax.Dockerfile;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.PrevComments;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BuildKit's build-check options, {@code skip=Name,...|all;experimental=Name,...|all;error=bool},
 * read the way {@code docker build} reads them: from the {@code BUILDKIT_DOCKERFILE_CHECK} build
 * argument when it is given (it replaces the file's directive), else from the {@code # check=}
 * parser directive. The same syntax above one instruction adds skips and experimental checks for
 * that instruction ({@code error} there is ignored, as in BuildKit).
 *
 * <p>{@code skip} turns off checks that are not experimental; {@code experimental} turns on the
 * experimental ones (which {@code skip=all} does not touch); {@code error=true} fails the build on
 * any check finding, so dockerlint reports those findings as errors. Only rules that carry a
 * BuildKit check name as an alias are BuildKit checks; the options leave other rules alone.
 *
 * @see <a href="https://docs.docker.com/reference/build-checks/#configure-checks">Configure
 *     checks</a>
 */
public record CheckOptions(
    boolean skipAll,
    List<String> skip,
    boolean experimentalAll,
    List<String> experimental,
    boolean error) {

  /** The build argument that overrides the file's {@code # check=} directive. */
  public static final String BUILD_ARG = "BUILDKIT_DOCKERFILE_CHECK";

  private static final CheckOptions NONE =
      new CheckOptions(false, List.of(), false, List.of(), false);

  public CheckOptions {
    skip = List.copyOf(skip);
    experimental = List.copyOf(experimental);
  }

  public static CheckOptions none() {
    return NONE;
  }

  /**
   * Parses an option string like BuildKit's {@code ParseLintOptions}; empty when it is malformed
   * (BuildKit then refuses to build, and dockerlint applies no options).
   */
  public static Optional<CheckOptions> parse(String text) {
    String s = text.trim();
    if (s.isEmpty()) {
      return Optional.of(NONE);
    }
    boolean skipAll = false;
    boolean experimentalAll = false;
    boolean error = false;
    List<String> skip = new ArrayList<>();
    List<String> experimental = new ArrayList<>();
    for (String part : s.split(";", 3)) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        return Optional.empty();
      }
      String k = part.substring(0, eq).trim();
      String v = part.substring(eq + 1).trim();
      switch (k) {
        case "skip" -> {
          if (v.equals("all")) {
            skipAll = true;
          } else {
            names(v, skip);
          }
        }
        case "experimental" -> {
          if (v.equals("all")) {
            experimentalAll = true;
          } else {
            names(v, experimental);
          }
        }
        case "error" -> {
          Optional<Boolean> b = goBool(v);
          if (b.isEmpty()) {
            return Optional.empty();
          }
          error = b.get();
        }
        default -> {
          return Optional.empty();
        }
      }
    }
    return Optional.of(new CheckOptions(skipAll, skip, experimentalAll, experimental, error));
  }

  /**
   * The options of one build: the build argument's when given, else the file's directive. The
   * directive value is used whole, as BuildKit does (a comment after it becomes part of it).
   */
  public static CheckOptions of(Dockerfile file, BuildOptions options) {
    String arg = options.buildArgs().get(BUILD_ARG);
    if (arg != null) {
      return parse(arg).orElse(NONE);
    }
    return file.directive("check").flatMap(d -> parse(d.value())).orElse(NONE);
  }

  /**
   * The options of a {@code check=...} comment above an instruction: BuildKit cuts the value at the
   * first space, so {@code # check=skip=X // why} skips X.
   */
  public static Optional<CheckOptions> ofComment(String value) {
    String v = value.strip();
    int sp = v.indexOf(' ');
    return parse(sp < 0 ? v : v.substring(0, sp));
  }

  /**
   * For each instruction, the options of the first {@code check=} comment in the comment block
   * right above it (BuildKit's {@code PrevComment}: blank lines do not end the block, an empty
   * {@code #} line does; parser directives at the top are not part of it).
   */
  public static Map<Instruction, CheckOptions> perInstruction(Dockerfile file) {
    boolean any = false;
    for (Comment c : file.comments()) {
      if (mayBeCheckComment(c.text()) && CHECK_COMMENT.matcher(c.text()).matches()) {
        any = true;
        break;
      }
    }
    if (!any) {
      return Map.of(); // the common case, without pairing every instruction with its comments
    }
    Map<Instruction, CheckOptions> out = new IdentityHashMap<>();
    for (Map.Entry<Instruction, List<Comment>> e : PrevComments.of(file).entrySet()) {
      for (Comment c : e.getValue()) {
        Matcher m = CHECK_COMMENT.matcher(c.text());
        if (m.matches()) {
          ofComment(m.group(1)).ifPresent(o -> out.put(e.getKey(), o));
          break;
        }
      }
    }
    return out;
  }

  private static final Pattern CHECK_COMMENT = Pattern.compile("^check\\s*=\\s*(.+?)\\s*$");

  /**
   * Whether a comment's text starts like a {@code # check=} comment: the patterns are tried only on
   * those, since every keystroke reads every comment.
   */
  static boolean mayBeCheckComment(String text) {
    return text.regionMatches(true, 0, "check", 0, 5);
  }

  /** Whether these options skip the check (never an experimental one). */
  public boolean skips(RuleMeta rule) {
    Optional<String> name = rule.buildkitCheck();
    if (name.isEmpty() || isExperimental(rule)) {
      return false;
    }
    return skipAll || contains(skip, name.get());
  }

  /** Whether these options turn the experimental check on. */
  public boolean enables(RuleMeta rule) {
    Optional<String> name = rule.buildkitCheck();
    return name.isPresent()
        && isExperimental(rule)
        && (experimentalAll || contains(experimental, name.get()));
  }

  /** BuildKit's experimental checks are dockerlint rules that are off by default. */
  public static boolean isExperimental(RuleMeta rule) {
    return rule.buildkitCheck().isPresent() && !rule.enabledByDefault();
  }

  /** These options plus those of an instruction's comment (skips and experimental only). */
  public CheckOptions merge(CheckOptions local) {
    List<String> s = new ArrayList<>(skip);
    s.addAll(local.skip);
    List<String> e = new ArrayList<>(experimental);
    e.addAll(local.experimental);
    return new CheckOptions(
        skipAll || local.skipAll, s, experimentalAll || local.experimentalAll, e, error);
  }

  private static boolean contains(List<String> names, String name) {
    return names.contains(name);
  }

  private static void names(String v, List<String> out) {
    for (String n : v.split(",", -1)) {
      out.add(n.trim());
    }
  }

  /** Go's {@code strconv.ParseBool}. */
  private static Optional<Boolean> goBool(String v) {
    return switch (v) {
      case "1", "t", "T", "true", "TRUE", "True" -> Optional.of(true);
      case "0", "f", "F", "false", "FALSE", "False" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "skip=%s;experimental=%s;error=%s",
        skipAll ? "all" : String.join(",", skip),
        experimentalAll ? "all" : String.join(",", experimental),
        error);
  }
}
