package dev.dockerlint.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.dockerlint.shellcheck.ShellcheckRunner;
import org.junit.jupiter.api.Assumptions;

/**
 * Optional tools the tests use. A test that needs one is skipped when it is missing, and fails
 * instead with {@code -Ddockerlint.requireTools=true} (as {@code ./run-tests} sets, after {@code
 * .ci/setup.d/} installed the tools).
 */
public final class Tools {
  private Tools() {}

  /** Skips (or fails) the calling test when the {@code shellcheck} executable is missing. */
  public static void requireShellcheck() {
    if (ShellcheckRunner.shared().available()) {
      return;
    }
    if (Boolean.getBoolean("dockerlint.requireTools")) {
      fail("shellcheck is not installed and -Ddockerlint.requireTools=true");
    }
    Assumptions.abort("shellcheck is not installed");
  }
}
