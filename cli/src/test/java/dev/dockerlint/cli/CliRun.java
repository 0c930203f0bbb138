package dev.dockerlint.cli;

import dev.dockerlint.registry.RuleRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Runs the command line in-process and captures what it prints. The environment is empty (no {@code
 * HOME}, no {@code XDG_CONFIG_HOME}, not a terminal) unless a test gives one, so the developer's
 * own configuration never leaks into a test.
 */
record CliRun(int exit, String out, String err) {
  static final Env QUIET = new Env(Map.of(), false);

  static CliRun run(String... args) {
    return runWithStdin("", args);
  }

  static CliRun runWithStdin(String stdin, String... args) {
    return runWith(QUIET, RuleRegistry.builtIn(), stdin, args);
  }

  static CliRun runWithEnv(Env env, String... args) {
    return runWith(env, RuleRegistry.builtIn(), "", args);
  }

  static CliRun runWith(Env env, RuleRegistry registry, String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        Main.run(
            args,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env,
            registry);
    return new CliRun(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
