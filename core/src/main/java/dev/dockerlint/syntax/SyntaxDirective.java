package dev.dockerlint.syntax;

import dev.dockerlint.grammar.DockerfileLexerBase;
import java.util.Optional;

/**
 * Finds the {@code syntax} (or {@code check}) directive the way BuildKit's frontend selection does
 * ({@code DetectSyntax}): a leading BOM and one leading {@code #!} line are skipped, and for {@code
 * syntax} also {@code //}-style comments and a whole-file JSON object are accepted.
 */
public final class SyntaxDirective {
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper()
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private SyntaxDirective() {}

  /**
   * A found directive: {@code value} up to the first space, the whole {@code cmdline}, 1-based
   * line.
   */
  public record Found(String value, String cmdline, int line) {}

  public static Optional<Found> syntax(String text) {
    return detect("syntax", text, true);
  }

  public static Optional<Found> check(String text) {
    return detect("check", text, false);
  }

  private static Optional<Found> detect(String key, String text, boolean anyFormat) {
    String dt = text.startsWith("\uFEFF") ? text.substring(1) : text;
    int line = 0;
    int nl = dt.indexOf('\n');
    String first = nl < 0 ? dt : dt.substring(0, nl);
    if (first.startsWith("#!")) {
      dt = nl < 0 ? "" : dt.substring(nl + 1);
      line = 1;
    }
    Optional<Found> f = scan(key, dt, line, "#");
    if (f.isPresent() || !anyFormat) {
      return f;
    }
    f = scan(key, dt, line, "//");
    if (f.isPresent()) {
      return f;
    }
    int jsonLine = line;
    return jsonObjectValue(key, dt).map(v -> new Found(v, v, jsonLine));
  }

  private static Optional<Found> scan(String key, String dt, int startLine, String comment) {
    int line = startLine;
    for (String raw : dt.split("\n", -1)) {
      line++;
      String l = raw;
      while (l.endsWith("\r")) {
        l = l.substring(0, l.length() - 1);
      }
      if (!l.startsWith(comment)) {
        return Optional.empty();
      }
      String[] kv = DockerfileLexerBase.directive("#" + l.substring(comment.length()));
      if (kv == null) {
        return Optional.empty();
      }
      if (kv[0].equals(key)) {
        int sp = kv[1].indexOf(' ');
        return Optional.of(new Found(sp < 0 ? kv[1] : kv[1].substring(0, sp), kv[1], line));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> jsonObjectValue(String key, String dt) {
    try {
      var node = JSON.readTree(dt);
      if (node != null && node.isObject() && node.get(key) != null && node.get(key).isTextual()) {
        return Optional.of(node.get(key).asText());
      }
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
