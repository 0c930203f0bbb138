package dev.dockerlint.lsp.features;

import dev.dockerlint.lsp.document.DocumentModel;
import dev.dockerlint.lsp.settings.ServerSettings;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.Comment;
import dev.dockerlint.syntax.Heredoc;
import dev.dockerlint.syntax.Instruction;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/** Folds stages, heredoc bodies, instructions continued over several lines and comment blocks. */
public final class FoldingProvider
    implements Provider<FoldingRangeRequestParams, List<FoldingRange>> {
  @Override
  public List<FoldingRange> provide(
      DocumentModel doc,
      FoldingRangeRequestParams params,
      ServerSettings settings,
      CancelChecker cancel) {
    List<FoldingRange> out = new ArrayList<>();
    for (Stage s : doc.model().stages()) {
      int first = s.from().header().firstLine();
      int last = s.from().header().lastLine();
      for (Instruction i : s.instructions()) {
        last = Math.max(last, i.header().lastLine());
      }
      add(out, first, last, FoldingRangeKind.Region);
    }
    for (Instruction i : doc.file().instructions()) {
      int headerLast = i.header().lastLine();
      for (Heredoc h : i.heredocs()) {
        int markerLine = h.markerRange().start().line();
        headerLast = Math.min(headerLast, markerLine);
        add(out, markerLine, h.bodyRange().end().line(), FoldingRangeKind.Region);
      }
      add(out, i.header().firstLine(), headerLast, FoldingRangeKind.Region);
    }
    int blockStart = -1;
    int previous = -2;
    for (Comment c : doc.file().comments()) {
      int line = c.range().start().line();
      if (line != previous + 1) {
        add(out, blockStart, previous, FoldingRangeKind.Comment);
        blockStart = line;
      }
      previous = line;
    }
    add(out, blockStart, previous, FoldingRangeKind.Comment);
    return out;
  }

  private static void add(List<FoldingRange> out, int first, int last, String kind) {
    if (first >= 0 && last > first) {
      FoldingRange r = new FoldingRange(first, last);
      r.setKind(kind);
      out.add(r);
    }
  }
}
