package dev.dockerlint.lsp.features;

import dev.dockerlint.syntax.Range;
import dev.dockerlint.syntax.SourceText;

/** Conversions between dockerlint's ranges and lsp4j's. */
public final class Lsp {
  private Lsp() {}

  public static org.eclipse.lsp4j.Range range(Range r) {
    return new org.eclipse.lsp4j.Range(position(r.start()), position(r.end()));
  }

  public static org.eclipse.lsp4j.Position position(dev.dockerlint.syntax.Position p) {
    return new org.eclipse.lsp4j.Position(p.line(), p.column());
  }

  public static org.eclipse.lsp4j.Range range(SourceText src, int start, int end) {
    return range(src.range(start, end));
  }

  /** The offset of an LSP position, clamped into the text. */
  public static int offset(SourceText src, org.eclipse.lsp4j.Position p) {
    if (p == null) {
      return 0;
    }
    return src.offset(new dev.dockerlint.syntax.Position(p.getLine(), p.getCharacter()));
  }

  /** The place of an LSP position in the text, clamped into it. */
  public static dev.dockerlint.syntax.Position position(
      SourceText src, org.eclipse.lsp4j.Position p) {
    return src.position(offset(src, p));
  }

  /** The offsets an LSP range covers, clamped and ordered. */
  public static Range range(SourceText src, org.eclipse.lsp4j.Range r) {
    int s = offset(src, r.getStart());
    int e = offset(src, r.getEnd());
    return src.range(Math.min(s, e), Math.max(s, e));
  }
}
