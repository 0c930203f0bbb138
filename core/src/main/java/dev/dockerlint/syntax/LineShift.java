package dev.dockerlint.syntax;

import java.util.List;

/**
 * How the instructions at the end of an edited file relate to those of the version before the edit,
 * when the edit added or removed lines above them: instruction {@code from + k} of the new file is
 * instruction {@code was + k} of the old one moved by {@code lines} lines (down when positive),
 * equal to it in everything but its lines. {@link #NONE} relates nothing.
 */
public record LineShift(int from, int was, int lines) {

  /** No instruction moved. */
  public static final LineShift NONE = new LineShift(Integer.MAX_VALUE, 0, 0);

  /**
   * The old instruction that {@code now.get(k)} is a moved copy of, or null when it is none ({@code
   * before}: the old file's instructions).
   */
  public Instruction earlier(List<Instruction> before, int k) {
    if (k < from) {
      return null;
    }
    int j = was + (k - from);
    return j < before.size() ? before.get(j) : null;
  }
}
