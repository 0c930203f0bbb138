package dev.dockerlint.lsp.features;

import dev.dockerlint.lsp.document.DocumentModel;
import dev.dockerlint.lsp.settings.ServerSettings;
import dev.dockerlint.lsp.settings.ServerSettings.FormatSettings;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.syntax.AddInstruction;
import dev.dockerlint.syntax.Command;
import dev.dockerlint.syntax.CopyInstruction;
import dev.dockerlint.syntax.Heredoc;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.Keyword;
import dev.dockerlint.syntax.OnbuildInstruction;
import dev.dockerlint.syntax.Range;
import dev.dockerlint.syntax.SourceText;
import dev.dockerlint.syntax.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/**
 * Formats instructions: keyword case, the indentation of continuation lines, and the spacing of
 * exec-form JSON arrays ({@code ["a", "b"]}, or {@code [ "a", "b" ]}), as the {@code
 * dockerlint.format} settings say. It never touches heredoc bodies, comments outside instructions
 * or argument text, and formatting formatted text changes nothing. A file BuildKit cannot parse is
 * left alone.
 */
public final class FormattingProvider
    implements Provider<DocumentFormattingParams, List<TextEdit>> {

  @Override
  public List<TextEdit> provide(
      DocumentModel doc,
      DocumentFormattingParams params,
      ServerSettings settings,
      CancelChecker c) {
    return edits(doc, Optional.empty(), settings.format());
  }

  /** Formats the instructions that overlap the range. */
  public List<TextEdit> range(
      DocumentModel doc,
      DocumentRangeFormattingParams params,
      ServerSettings settings,
      CancelChecker cancel) {
    return edits(doc, Optional.of(Lsp.range(doc.source(), params.getRange())), settings.format());
  }

  static List<TextEdit> edits(DocumentModel doc, Optional<Range> only, FormatSettings format) {
    List<TextEdit> out = new ArrayList<>();
    if (doc.file().hasFatalProblem()) {
      return out;
    }
    SourceText src = doc.source();
    for (Instruction i : doc.file().instructions()) {
      if (only.isPresent()
          && (i.range().end().compareTo(only.get().start()) < 0
              || i.range().start().compareTo(only.get().end()) > 0)) {
        continue;
      }
      keyword(src, i.keyword(), format, out);
      if (i instanceof OnbuildInstruction o && o.trigger().isPresent()) {
        keyword(src, o.trigger().get().keyword(), format, out);
      }
      continuations(src, i, format, out);
      execForm(src, i, format, out);
    }
    return out;
  }

  private static void keyword(
      SourceText src, Keyword k, FormatSettings format, List<TextEdit> out) {
    String want =
        switch (format.keywordCase()) {
          case UPPER -> k.text().toUpperCase(Locale.ROOT);
          case LOWER -> k.text().toLowerCase(Locale.ROOT);
          case PRESERVE -> k.text();
        };
    if (!want.equals(src.slice(k.range()))) {
      out.add(new TextEdit(Lsp.range(k.range()), want));
    }
  }

  private static void continuations(
      SourceText src, Instruction i, FormatSettings format, List<TextEdit> out) {
    int last = i.header().lastLine();
    for (Heredoc h : i.heredocs()) {
      last = Math.min(last, h.markerRange().start().line());
    }
    String indent = " ".repeat(format.continuationIndent());
    for (int line = i.header().firstLine() + 1; line <= last; line++) {
      String text = src.lineText(line);
      int ws = 0;
      while (ws < text.length() && (text.charAt(ws) == ' ' || text.charAt(ws) == '\t')) {
        ws++;
      }
      if (ws == text.length()) {
        continue;
      }
      if (!text.substring(0, ws).equals(indent)) {
        int start = src.lineStart(line);
        out.add(new TextEdit(Lsp.range(src, start, start + ws), indent));
      }
    }
  }

  private static void execForm(
      SourceText src, Instruction i, FormatSettings format, List<TextEdit> out) {
    List<Word> words;
    Range range;
    Optional<Command> cmd = SemanticModel.commandOf(i);
    if (cmd.isPresent() && cmd.get() instanceof Command.ExecForm ex) {
      words = ex.arguments();
      range = ex.range();
    } else if (i instanceof CopyInstruction cp && cp.execForm() && !cp.words().isEmpty()) {
      words = cp.words();
      range = bracketed(src, cp.words());
    } else if (i instanceof AddInstruction add && add.execForm() && !add.words().isEmpty()) {
      words = add.words();
      range = bracketed(src, add.words());
    } else {
      return;
    }
    if (range == null || range.start().line() != range.end().line()) {
      return;
    }
    StringBuilder sb = new StringBuilder("[");
    if (format.jsonArraySpaces() && !words.isEmpty()) {
      sb.append(' ');
    }
    for (int k = 0; k < words.size(); k++) {
      if (k > 0) {
        sb.append(", ");
      }
      sb.append(src.slice(words.get(k).range()));
    }
    if (format.jsonArraySpaces() && !words.isEmpty()) {
      sb.append(' ');
    }
    sb.append(']');
    if (!sb.toString().equals(src.slice(range))) {
      out.add(new TextEdit(Lsp.range(range), sb.toString()));
    }
  }

  /** The range from the {@code [} before the first word to the {@code ]} after the last. */
  private static Range bracketed(SourceText src, List<Word> words) {
    String t = src.text();
    int open = t.lastIndexOf('[', src.startOffset(words.get(0).range()));
    int close = t.indexOf(']', src.endOffset(words.get(words.size() - 1).range()));
    if (open < 0 || close < 0) {
      return null;
    }
    return src.range(open, close + 1);
  }
}
