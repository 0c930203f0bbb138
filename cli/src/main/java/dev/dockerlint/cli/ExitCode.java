package dev.dockerlint.cli;

/** The exit codes, documented in {@code --help}. */
public final class ExitCode {
  private ExitCode() {}

  /** No findings at or above the failure threshold. */
  public static final int CLEAN = 0;

  /** Findings at or above the failure threshold. */
  public static final int FINDINGS = 1;

  /** Usage error, or an input that cannot be linted (missing, unreadable, not a Dockerfile). */
  public static final int USAGE = 2;

  /** Internal error: a bug in dockerlint. */
  public static final int INTERNAL = 3;
}
