package dev.dockerlint.lsp.features;

import dev.dockerlint.lsp.document.DocumentModel;
import dev.dockerlint.lsp.settings.ServerSettings;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.syntax.AddInstruction;
import dev.dockerlint.syntax.Command;
import dev.dockerlint.syntax.Comment;
import dev.dockerlint.syntax.CopyInstruction;
import dev.dockerlint.syntax.Directive;
import dev.dockerlint.syntax.Flag;
import dev.dockerlint.syntax.FromInstruction;
import dev.dockerlint.syntax.Heredoc;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.OnbuildInstruction;
import dev.dockerlint.syntax.Range;
import dev.dockerlint.syntax.SourceText;
import dev.dockerlint.syntax.Word;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensDelta;
import org.eclipse.lsp4j.SemanticTokensDeltaParams;
import org.eclipse.lsp4j.SemanticTokensEdit;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Semantic tokens for the whole document, and deltas against the previous answer. Keywords, flags
 * and their values, image and stage names, variables (declarations marked), comments and parser
 * directives, the strings of exec-form JSON arrays, heredoc markers and bodies (with the variables
 * inside them). Tokens never span lines.
 *
 * <p>The tokens are painted into a per-character map, coarse ones first, so a variable inside a
 * heredoc body or a flag value splits the string around it.
 */
public final class SemanticTokensProvider
    implements Provider<SemanticTokensParams, SemanticTokens> {

  static final List<String> TYPES =
      List.of(
          "keyword",
          "comment",
          "string",
          "variable",
          "parameter",
          "namespace",
          "type",
          "operator",
          "macro");

  static final List<String> MODIFIERS = List.of("declaration", "defaultLibrary");

  public static final SemanticTokensLegend LEGEND = new SemanticTokensLegend(TYPES, MODIFIERS);

  static final int KEYWORD = 0;
  static final int COMMENT = 1;
  static final int STRING = 2;
  static final int VARIABLE = 3;
  static final int PARAMETER = 4;
  static final int NAMESPACE = 5;
  static final int TYPE = 6;
  static final int OPERATOR = 7;
  static final int MACRO = 8;
  static final int DECLARATION = 1;
  static final int DEFAULT_LIBRARY = 2;

  private record Previous(String resultId, int[] data) {}

  private final Map<String, Previous> previous = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  /** The tokens of a document version, encoded as LSP wants them (computed once per version). */
  static int[] encode(DocumentModel doc) {
    return doc.derived(int[].class, SemanticTokensProvider::compute);
  }

  @Override
  public SemanticTokens provide(
      DocumentModel doc,
      SemanticTokensParams params,
      ServerSettings settings,
      CancelChecker cancel) {
    int[] data = encode(doc);
    String id = Long.toString(ids.incrementAndGet());
    previous.put(doc.uri(), new Previous(id, data));
    return new SemanticTokens(id, boxed(data, 0, data.length));
  }

  /** The edits from the tokens last sent for this document, or all tokens when unknown. */
  public Either<SemanticTokens, SemanticTokensDelta> delta(
      DocumentModel doc,
      SemanticTokensDeltaParams params,
      ServerSettings settings,
      CancelChecker cancel) {
    int[] data = encode(doc);
    Previous before = previous.get(doc.uri());
    String id = Long.toString(ids.incrementAndGet());
    previous.put(doc.uri(), new Previous(id, data));
    if (before == null || !before.resultId().equals(params.getPreviousResultId())) {
      return Either.forLeft(new SemanticTokens(id, boxed(data, 0, data.length)));
    }
    int[] old = before.data();
    int prefix = 0;
    while (prefix < old.length && prefix < data.length && old[prefix] == data[prefix]) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < old.length - prefix
        && suffix < data.length - prefix
        && old[old.length - 1 - suffix] == data[data.length - 1 - suffix]) {
      suffix++;
    }
    List<SemanticTokensEdit> edits = new ArrayList<>();
    if (prefix != old.length || prefix != data.length) {
      edits.add(
          new SemanticTokensEdit(
              prefix, old.length - prefix - suffix, boxed(data, prefix, data.length - suffix)));
    }
    return Either.forRight(new SemanticTokensDelta(edits, id));
  }

  /** Forgets what was sent for a closed document. */
  public void forget(String uri) {
    previous.remove(uri);
  }

  private static List<Integer> boxed(int[] a, int from, int to) {
    List<Integer> l = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      l.add(a[i]);
    }
    return l;
  }

  // ------------------------------------------------------------------ painting

  private static final class Canvas {
    final SourceText source;
    final String text;
    final int[] paint;

    Canvas(SourceText source) {
      this.source = source;
      this.text = source.text();
      this.paint = new int[text.length()];
      Arrays.fill(paint, -1);
    }

    void paint(Range r, int type, int modifiers) {
      paint(source.startOffset(r), source.endOffset(r), type, modifiers);
    }

    void paint(int start, int end, int type, int modifiers) {
      int s = Math.max(0, start);
      int e = Math.min(end, paint.length);
      int v = type << 8 | modifiers;
      for (int i = s; i < e; i++) {
        char c = text.charAt(i);
        paint[i] = c == '\n' || c == '\r' ? -1 : v;
      }
    }
  }

  private static int[] compute(DocumentModel doc) {
    Canvas c = new Canvas(doc.source());
    for (Comment k : doc.file().comments()) {
      c.paint(k.range(), COMMENT, 0);
    }
    for (Directive d : doc.file().directives()) {
      c.paint(d.range(), MACRO, 0);
    }
    for (Instruction i : doc.file().instructions()) {
      instruction(c, i);
    }
    for (Symbols.Occurrence o : Symbols.of(doc).all()) {
      if (o.kind() == Symbols.Kind.VARIABLE) {
        int mods =
            (o.declaration() ? DECLARATION : 0)
                | (SemanticModel.AUTOMATIC_ARGS.contains(o.name()) && o.target().isEmpty()
                    ? DEFAULT_LIBRARY
                    : 0);
        c.paint(o.range(), VARIABLE, mods);
      } else {
        c.paint(o.range(), NAMESPACE, o.declaration() ? DECLARATION : 0);
      }
    }
    return encode(c);
  }

  private static void instruction(Canvas c, Instruction i) {
    for (Heredoc h : i.heredocs()) {
      int bodyStart = c.source.startOffset(h.bodyRange());
      int bodyEnd = c.source.endOffset(h.bodyRange());
      int terminator = h.terminated() ? c.text.lastIndexOf('\n', bodyEnd - 1) + 1 : bodyEnd;
      terminator = Math.max(terminator, bodyStart);
      c.paint(bodyStart, terminator, STRING, 0);
      c.paint(terminator, bodyEnd, OPERATOR, 0);
      c.paint(h.markerRange(), OPERATOR, 0);
    }
    c.paint(i.keyword().range(), KEYWORD, 0);
    for (Flag f : i.flags()) {
      c.paint(f.nameRange(), PARAMETER, 0);
      f.valueRange().ifPresent(r -> c.paint(r, STRING, 0));
    }
    if (i instanceof FromInstruction from) {
      from.image().ifPresent(w -> c.paint(w.range(), TYPE, 0));
      if (from.words().size() >= 2) {
        c.paint(from.words().get(1).range(), KEYWORD, 0);
      }
    } else if (i instanceof OnbuildInstruction o) {
      o.trigger().ifPresent(t -> instruction(c, t));
    } else if (i instanceof CopyInstruction cp && cp.execForm()) {
      strings(c, cp.words());
    } else if (i instanceof AddInstruction add && add.execForm()) {
      strings(c, add.words());
    }
    SemanticModel.commandOf(i)
        .ifPresent(
            cmd -> {
              if (cmd instanceof Command.ExecForm ex) {
                strings(c, ex.arguments());
              }
            });
  }

  private static void strings(Canvas c, List<Word> words) {
    for (Word w : words) {
      c.paint(w.range(), STRING, 0);
    }
  }

  private static int[] encode(Canvas c) {
    int[] p = c.paint;
    int[] out = new int[64];
    int n = 0;
    int line = 0;
    int lineStart = 0;
    int lastLine = 0;
    int lastCol = 0;
    int i = 0;
    String t = c.text;
    while (i < p.length) {
      if (t.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
        i++;
        continue;
      }
      if (p[i] < 0) {
        i++;
        continue;
      }
      int v = p[i];
      int start = i;
      while (i < p.length && p[i] == v && t.charAt(i) != '\n') {
        i++;
      }
      if (n + 5 > out.length) {
        out = Arrays.copyOf(out, out.length * 2);
      }
      int col = start - lineStart;
      out[n++] = line - lastLine;
      out[n++] = line == lastLine ? col - lastCol : col;
      out[n++] = i - start;
      out[n++] = v >> 8;
      out[n++] = v & 0xff;
      lastLine = line;
      lastCol = col;
    }
    return Arrays.copyOf(out, n);
  }
}
