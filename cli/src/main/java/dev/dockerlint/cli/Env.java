package dev.dockerlint.cli;

import java.util.Map;

/**
 * What the command reads from its surroundings: the environment variables ({@code NO_COLOR}, {@code
 * XDG_CONFIG_HOME}, {@code HOME}) and whether standard output is a terminal. Passed in, so tests
 * set it without touching the real environment.
 */
record Env(Map<String, String> variables, boolean interactive) {
  Env {
    variables = Map.copyOf(variables);
  }

  static Env system() {
    return new Env(System.getenv(), System.console() != null);
  }

  /** Colours unless {@code --no-color}, {@code NO_COLOR} or output that is not a terminal. */
  boolean color(boolean noColorFlag) {
    String noColor = variables.get("NO_COLOR");
    return !noColorFlag && (noColor == null || noColor.isEmpty()) && interactive;
  }
}
