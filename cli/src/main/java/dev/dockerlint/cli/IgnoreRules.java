package dev.dockerlint.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Exclude patterns with {@code .gitignore} semantics, relative to a base folder: {@code *}, {@code
 * ?}, {@code [a-z]}, {@code **}, a leading {@code /} or an inner {@code /} anchors a pattern to the
 * base, a trailing {@code /} matches folders only, {@code !} re-includes, and the last matching
 * pattern wins. Used for {@code .gitignore} files met while walking a folder, for {@code exclude:}
 * in the configuration and for {@code --exclude}.
 */
final class IgnoreRules {
  private record Rule(Pattern pattern, boolean negated, boolean dirOnly) {}

  private final Path base;
  private final List<Rule> rules;

  private IgnoreRules(Path base, List<Rule> rules) {
    this.base = base;
    this.rules = List.copyOf(rules);
  }

  static IgnoreRules of(Path base, List<String> lines) {
    List<Rule> rules = new ArrayList<>();
    for (String raw : lines) {
      String line = stripTrailingSpaces(raw);
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      boolean negated = line.startsWith("!");
      if (negated) {
        line = line.substring(1);
      } else if (line.startsWith("\\!") || line.startsWith("\\#")) {
        line = line.substring(1);
      }
      boolean dirOnly = line.endsWith("/");
      while (line.endsWith("/")) {
        line = line.substring(0, line.length() - 1);
      }
      if (line.isEmpty()) {
        continue;
      }
      boolean anchored = line.contains("/");
      if (line.startsWith("/")) {
        line = line.substring(1);
      }
      String regex = (anchored ? "" : "(?:.*/)?") + globToRegex(line);
      rules.add(new Rule(Pattern.compile(regex), negated, dirOnly));
    }
    return new IgnoreRules(base.toAbsolutePath().normalize(), rules);
  }

  /** The rules of a {@code .gitignore}-style file; none when it cannot be read. */
  static IgnoreRules read(Path file) throws IOException {
    return of(file.getParent(), Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  boolean isEmpty() {
    return rules.isEmpty();
  }

  /**
   * Whether the last pattern matching {@code path} excludes it (TRUE), re-includes it (FALSE), or
   * none matches (null).
   */
  Boolean decide(Path path, boolean isDirectory) {
    Path abs = path.toAbsolutePath().normalize();
    if (!abs.startsWith(base) || abs.equals(base)) {
      return null;
    }
    String rel = base.relativize(abs).toString().replace('\\', '/');
    Boolean out = null;
    for (Rule r : rules) {
      if (r.dirOnly() && !isDirectory) {
        continue;
      }
      if (r.pattern().matcher(rel).matches()) {
        out = !r.negated();
      }
    }
    return out;
  }

  private static String stripTrailingSpaces(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ' && !(end > 1 && s.charAt(end - 2) == '\\')) {
      end--;
    }
    return s.substring(0, end);
  }

  static String globToRegex(String glob) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i);
      if (glob.startsWith("**/", i)) {
        sb.append("(?:.*/)?");
        i += 3;
      } else if (glob.startsWith("/**", i) && i + 3 == glob.length()) {
        sb.append("/.*");
        i += 3;
      } else if (glob.startsWith("**", i)) {
        sb.append(".*");
        i += 2;
      } else if (c == '*') {
        sb.append("[^/]*");
        i++;
      } else if (c == '?') {
        sb.append("[^/]");
        i++;
      } else if (c == '[') {
        int close = glob.indexOf(']', i + 2);
        if (close < 0) {
          sb.append("\\[");
          i++;
        } else {
          String body = glob.substring(i + 1, close);
          if (body.startsWith("!")) {
            body = "^" + body.substring(1);
          }
          sb.append('[').append(body.replace("\\", "\\\\")).append(']');
          i = close + 1;
        }
      } else if (c == '\\' && i + 1 < glob.length()) {
        sb.append(Pattern.quote(String.valueOf(glob.charAt(i + 1))));
        i += 2;
      } else {
        sb.append(Pattern.quote(String.valueOf(c)));
        i++;
      }
    }
    return sb.toString();
  }
}
