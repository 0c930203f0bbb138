package dev.dockerlint.rules;

/**
 * How safe a fix is. {@code --fix} applies SAFE fixes only; {@code --unsafe-fixes} also applies
 * UNSAFE ones (they may change behaviour); DISPLAY_ONLY fixes are shown, never applied.
 */
public enum Applicability {
  SAFE,
  UNSAFE,
  DISPLAY_ONLY
}
