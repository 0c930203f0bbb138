package dev.dockerlint.testkit;

/**
 * Prints what Docker said in a case, so that the exact strings are in the test output (and in
 * testkit/README.md, which is copied from it).
 */
final class Observed {

  private Observed() {}

  static void print(String name, Container.Result result) {
    System.out.printf(
        "OBSERVED %s | exit=%d | state=%s/%d | stateError=%s | stderr=%s%n",
        name,
        result.exitCode(),
        result.status().orElse("-"),
        result.stateExitCode(),
        oneLine(result.stateError()),
        oneLine(result.stderr()));
  }

  static void print(String name, String text) {
    System.out.printf("OBSERVED %s | %s%n", name, oneLine(text));
  }

  private static String oneLine(String text) {
    return text.strip().replace("\r", "\\r").replace("\n", "\\n");
  }
}
