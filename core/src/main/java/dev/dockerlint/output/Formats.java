package dev.dockerlint.output;

import dev.dockerlint.rules.RuleMeta;
import java.util.List;
import java.util.Optional;

/** The output formats by name, as {@code --format} and the {@code format:} setting take them. */
public final class Formats {
  private Formats() {}

  public static final List<String> NAMES =
      List.of("tty", "json", "sarif", "checkstyle", "gitlab", "github", "gnu", "junit");

  /**
   * What some formats need besides the results: colours (tty), the tool's version and every rule's
   * metadata (SARIF's rule table).
   */
  public record Settings(boolean color, String toolVersion, List<RuleMeta> rules) {
    public Settings {
      rules = List.copyOf(rules);
    }
  }

  public static Optional<Formatter> create(String name, Settings s) {
    return Optional.ofNullable(
        switch (name) {
          case "tty" -> new TtyFormatter(s.color());
          case "json" -> new JsonFormatter();
          case "sarif" -> new SarifFormatter(s.toolVersion(), s.rules());
          case "checkstyle" -> new CheckstyleFormatter();
          case "gitlab" -> new GitlabFormatter();
          case "github" -> new GithubFormatter();
          case "gnu" -> new GnuFormatter();
          case "junit" -> new JunitFormatter();
          default -> null;
        });
  }

  /** A display path as a relative URI-style path: forward slashes, no leading {@code ./}. */
  static String relativePath(String path) {
    String p = path.replace('\\', '/');
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    return p;
  }
}
