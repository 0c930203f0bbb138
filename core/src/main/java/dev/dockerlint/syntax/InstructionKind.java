package dev.dockerlint.syntax;

import java.util.Locale;

/** The instructions of the Dockerfile language, and UNKNOWN for any other word. */
public enum InstructionKind {
  FROM,
  RUN,
  CMD,
  LABEL,
  MAINTAINER,
  EXPOSE,
  ENV,
  ADD,
  COPY,
  ENTRYPOINT,
  VOLUME,
  USER,
  WORKDIR,
  ARG,
  ONBUILD,
  STOPSIGNAL,
  HEALTHCHECK,
  SHELL,
  UNKNOWN;

  /** The kind of a keyword, case-insensitive. */
  public static InstructionKind of(String keyword) {
    try {
      InstructionKind k = valueOf(keyword.toUpperCase(Locale.ROOT));
      return k;
    } catch (IllegalArgumentException e) {
      return UNKNOWN;
    }
  }

  /** Whether the instruction has an exec (JSON array) form. */
  public boolean hasExecForm() {
    return switch (this) {
      case RUN, CMD, ENTRYPOINT, SHELL, ADD, COPY, VOLUME, HEALTHCHECK -> true;
      default -> false;
    };
  }
}
