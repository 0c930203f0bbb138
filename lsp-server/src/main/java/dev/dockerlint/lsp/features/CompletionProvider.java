package dev.dockerlint.lsp.features;

import dev.dockerlint.lsp.document.DocumentModel;
import dev.dockerlint.lsp.settings.ServerSettings;
import dev.dockerlint.semantic.Scope;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.semantic.Variable;
import dev.dockerlint.syntax.FromInstruction;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.InstructionKind;
import dev.dockerlint.syntax.Position;
import dev.dockerlint.syntax.SourceText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Completion, decided from the text before the cursor on its logical line: instruction keywords
 * (with snippets for heredocs and exec-form arrays) at the start of a line; the flags of the
 * instruction after {@code --}; flag values ({@code --platform=$BUILDPLATFORM}, mount types and
 * keys, network modes); stage names after {@code --from=} and {@code from=} in a mount; variables
 * in scope after {@code $} and <code>${</code> (with the automatic platform ARGs).
 */
public final class CompletionProvider implements Provider<CompletionParams, List<CompletionItem>> {

  private static final Pattern VARIABLE = Pattern.compile("\\$(\\{?)([A-Za-z0-9_]*)$");
  private static final Pattern FLAG_VALUE = Pattern.compile("--([a-z-]+)=([^\\s=]*(?:=[^\\s]*)?)$");
  private static final Pattern FLAG_NAME = Pattern.compile("(?:^|\\s)(--?[a-z-]*)$");
  private static final Pattern WORD = Pattern.compile("([A-Za-z]*)$");

  @Override
  public List<CompletionItem> provide(
      DocumentModel doc, CompletionParams params, ServerSettings settings, CancelChecker cancel) {
    SourceText src = doc.source();
    int offset = Lsp.offset(src, params.getPosition());
    Position cursor = src.position(offset);
    int lineStart = src.lineStart(cursor.line());
    String before = doc.text().substring(lineStart, offset);
    Optional<Instruction> at = doc.file().instructionAt(cursor);
    boolean continuation = at.isPresent() && at.get().range().start().line() < cursor.line();

    Matcher v = VARIABLE.matcher(before);
    if (v.find()) {
      return variables(doc, at, offset, v.group(1).equals("{"), v.group(2).length());
    }
    String logical = continuation ? logicalBefore(doc, at.get(), offset) : before;
    InstructionKind kind = at.map(Instruction::kind).orElse(InstructionKind.UNKNOWN);
    if (at.isEmpty() || at.get().keyword().range().touches(cursor)) {
      String word = before.strip();
      if (!continuation && word.matches("[A-Za-z]*")) {
        return keywords(src, offset, word.length());
      }
    }
    if (kind == InstructionKind.ARG && !continuation) {
      Matcher w = WORD.matcher(before);
      if (w.find() && before.substring(0, w.start()).strip().equalsIgnoreCase("ARG")) {
        return automaticArgs(src, offset, w.group(1).length());
      }
    }
    Matcher fv = FLAG_VALUE.matcher(logical);
    if (fv.find()) {
      return flagValues(doc, at, kind, fv.group(1), fv.group(2), offset);
    }
    Matcher fn = FLAG_NAME.matcher(logical);
    if (fn.find() && at.isPresent() && flagsAllowedAt(at.get(), cursor)) {
      return flags(src, kind, offset, fn.group(1).length());
    }
    return List.of();
  }

  private static String logicalBefore(DocumentModel doc, Instruction i, int offset) {
    String t = doc.text().substring(doc.source().startOffset(i.range()), offset);
    return t.replaceAll("\\\\\\r?\\n", " ");
  }

  /** Flags stand between the keyword and the first argument. */
  private static boolean flagsAllowedAt(Instruction i, Position cursor) {
    String args = i.arguments().value();
    return args.isEmpty()
        || cursor.compareTo(i.arguments().range().start()) <= 0
        || args.startsWith("-");
  }

  // ------------------------------------------------------------------ keywords

  private static List<CompletionItem> keywords(SourceText src, int offset, int typed) {
    List<CompletionItem> out = new ArrayList<>();
    org.eclipse.lsp4j.Range replace = Lsp.range(src, offset - typed, offset);
    for (InstructionKind k : InstructionKind.values()) {
      if (k == InstructionKind.UNKNOWN) {
        continue;
      }
      String name = k.name();
      CompletionItem c = new CompletionItem(name);
      c.setKind(CompletionItemKind.Keyword);
      c.setTextEdit(Either.forLeft(new TextEdit(replace, name + " ")));
      Docs.instruction(k).ifPresent(d -> c.setDetail(d.syntax()));
      c.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, Docs.instructionMarkdown(k)));
      c.setSortText("0" + name);
      if (k == InstructionKind.MAINTAINER) {
        c.setDeprecated(true);
        c.setTags(List.of(org.eclipse.lsp4j.CompletionItemTag.Deprecated));
      }
      out.add(c);
    }
    snippet(
        out,
        replace,
        "RUN <<EOF",
        "RUN <<EOF\n${1:set -eux}\n${0}\nEOF",
        "RUN with a heredoc script");
    snippet(
        out,
        replace,
        "COPY <<EOF",
        "COPY <<EOF ${1:/path/in/image}\n${0}\nEOF",
        "COPY a heredoc into a file");
    snippet(
        out,
        replace,
        "CMD [\"exec\"]",
        "CMD [\"${1:executable}\"${2:, \"${3:arg}\"}]",
        "CMD in exec form");
    snippet(
        out,
        replace,
        "ENTRYPOINT [\"exec\"]",
        "ENTRYPOINT [\"${1:executable}\"${2:, \"${3:arg}\"}]",
        "ENTRYPOINT in exec form");
    snippet(
        out,
        replace,
        "RUN [\"exec\"]",
        "RUN [\"${1:executable}\"${2:, \"${3:arg}\"}]",
        "RUN in exec form");
    snippet(out, replace, "SHELL [\"sh\"]", "SHELL [\"${1:/bin/sh}\", \"${2:-c}\"]", "SHELL");
    snippet(
        out, replace, "HEALTHCHECK CMD", "HEALTHCHECK --interval=${1:30s} CMD ${0}", "HEALTHCHECK");
    snippet(out, replace, "FROM ... AS", "FROM ${1:image} AS ${2:name}", "a named build stage");
    return out;
  }

  private static void snippet(
      List<CompletionItem> out,
      org.eclipse.lsp4j.Range replace,
      String label,
      String body,
      String detail) {
    CompletionItem c = new CompletionItem(label);
    c.setKind(CompletionItemKind.Snippet);
    c.setInsertTextFormat(InsertTextFormat.Snippet);
    c.setTextEdit(Either.forLeft(new TextEdit(replace, body)));
    c.setFilterText(label.substring(0, label.indexOf(' ')));
    c.setDetail(detail);
    c.setSortText("1" + label);
    out.add(c);
  }

  // ------------------------------------------------------------------ flags

  private static List<CompletionItem> flags(
      SourceText src, InstructionKind kind, int offset, int typed) {
    List<CompletionItem> out = new ArrayList<>();
    org.eclipse.lsp4j.Range replace = Lsp.range(src, offset - typed, offset);
    for (Map.Entry<String, Docs.FlagDoc> e : Docs.FLAGS.getOrDefault(kind, Map.of()).entrySet()) {
      String name = "--" + e.getKey();
      boolean bare = !e.getValue().syntax().contains("=");
      CompletionItem c = new CompletionItem(name);
      c.setKind(CompletionItemKind.Property);
      c.setDetail(e.getValue().syntax());
      c.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, e.getValue().summary()));
      c.setTextEdit(Either.forLeft(new TextEdit(replace, bare ? name + " " : name + "=")));
      if (!bare) {
        c.setCommand(new org.eclipse.lsp4j.Command("", "editor.action.triggerSuggest"));
      }
      out.add(c);
    }
    out.sort((a, b) -> a.getLabel().compareTo(b.getLabel()));
    return out;
  }

  private static List<CompletionItem> flagValues(
      DocumentModel doc,
      Optional<Instruction> at,
      InstructionKind kind,
      String flag,
      String typed,
      int offset) {
    SourceText src = doc.source();
    List<CompletionItem> out = new ArrayList<>();
    if (flag.equals("from") && (kind == InstructionKind.COPY || kind == InstructionKind.ADD)) {
      org.eclipse.lsp4j.Range replace = Lsp.range(src, offset - typed.length(), offset);
      stages(doc, at, replace, out);
      return out;
    }
    if (flag.equals("mount") && kind == InstructionKind.RUN) {
      return mount(doc, at, typed, offset);
    }
    Optional<Docs.FlagDoc> fd = Docs.flag(kind, flag);
    if (fd.isEmpty()) {
      return out;
    }
    org.eclipse.lsp4j.Range replace = Lsp.range(src, offset - typed.length(), offset);
    for (String value : fd.get().values()) {
      CompletionItem c = new CompletionItem(value);
      c.setKind(value.startsWith("$") ? CompletionItemKind.Variable : CompletionItemKind.Value);
      c.setTextEdit(Either.forLeft(new TextEdit(replace, value)));
      if (value.equals("$BUILDPLATFORM")) {
        c.setDetail("the platform of the machine that builds: cross-compile natively");
        c.setPreselect(true);
      }
      out.add(c);
    }
    return out;
  }

  private static List<CompletionItem> mount(
      DocumentModel doc, Optional<Instruction> at, String typed, int offset) {
    SourceText src = doc.source();
    List<CompletionItem> out = new ArrayList<>();
    int comma = typed.lastIndexOf(',');
    String part = typed.substring(comma + 1);
    int eq = part.indexOf('=');
    if (eq >= 0) {
      String key = part.substring(0, eq);
      org.eclipse.lsp4j.Range replace = Lsp.range(src, offset - (part.length() - eq - 1), offset);
      if (key.equals("type")) {
        for (String t : Docs.MOUNT_TYPES) {
          CompletionItem c = new CompletionItem(t);
          c.setKind(CompletionItemKind.EnumMember);
          c.setTextEdit(Either.forLeft(new TextEdit(replace, t)));
          out.add(c);
        }
      } else if (key.equals("from")) {
        stages(doc, at, replace, out);
      } else if (key.equals("sharing")) {
        for (String t : List.of("shared", "private", "locked")) {
          CompletionItem c = new CompletionItem(t);
          c.setKind(CompletionItemKind.EnumMember);
          c.setTextEdit(Either.forLeft(new TextEdit(replace, t)));
          out.add(c);
        }
      }
      return out;
    }
    org.eclipse.lsp4j.Range replace = Lsp.range(src, offset - part.length(), offset);
    Matcher type = Pattern.compile("(?:^|,)type=([a-z]+)").matcher(typed);
    String t = type.find() ? type.group(1) : "";
    List<String> keys = t.isEmpty() ? List.of("type=") : Docs.MOUNT_KEYS.getOrDefault(t, List.of());
    for (String k : keys) {
      CompletionItem c = new CompletionItem(k);
      c.setKind(CompletionItemKind.Property);
      c.setTextEdit(Either.forLeft(new TextEdit(replace, k)));
      out.add(c);
    }
    return out;
  }

  private static void stages(
      DocumentModel doc,
      Optional<Instruction> at,
      org.eclipse.lsp4j.Range replace,
      List<CompletionItem> out) {
    SemanticModel model = doc.model();
    Optional<Stage> self = at.flatMap(model::stageOf);
    for (Stage s : model.stages()) {
      if (self.isPresent() && s.index() >= self.get().index()) {
        break;
      }
      String label = s.nameWord().map(w -> w.value()).orElse(Integer.toString(s.index()));
      CompletionItem c = new CompletionItem(label);
      c.setKind(CompletionItemKind.Module);
      c.setDetail("stage " + s.displayName() + ": " + s.from().arguments().value());
      c.setTextEdit(Either.forLeft(new TextEdit(replace, label)));
      out.add(c);
    }
  }

  // ------------------------------------------------------------------ variables

  /** After {@code ARG }: the automatic platform ARGs, which a stage must declare to see. */
  private static List<CompletionItem> automaticArgs(SourceText src, int offset, int typed) {
    List<CompletionItem> out = new ArrayList<>();
    org.eclipse.lsp4j.Range replace = Lsp.range(src, offset - typed, offset);
    for (String n : new java.util.TreeSet<>(SemanticModel.AUTOMATIC_ARGS)) {
      CompletionItem c = new CompletionItem(n);
      c.setKind(CompletionItemKind.Variable);
      c.setDetail("automatic platform ARG: declare it to use it in this stage");
      c.setTextEdit(Either.forLeft(new TextEdit(replace, n)));
      out.add(c);
    }
    return out;
  }

  private static List<CompletionItem> variables(
      DocumentModel doc, Optional<Instruction> at, int offset, boolean braced, int typed) {
    SemanticModel model = doc.model();
    Scope scope;
    boolean global;
    if (at.isEmpty()) {
      Optional<Stage> last =
          model.stages().isEmpty()
              ? Optional.empty()
              : Optional.of(model.stages().get(model.stages().size() - 1));
      global =
          last.isEmpty()
              || last.get().from().range().start().compareTo(doc.source().position(offset)) > 0;
      scope = global ? model.globalScope() : last.get().finalScope();
    } else {
      Instruction i = at.get();
      global = model.stageOf(i).isEmpty() || i instanceof FromInstruction;
      scope = global ? model.globalScope() : model.scopeBefore(i);
    }
    Set<String> names = new LinkedHashSet<>(scope.variables().keySet());
    if (global) {
      names.addAll(SemanticModel.AUTOMATIC_ARGS);
    }
    org.eclipse.lsp4j.Range replace = Lsp.range(doc.source(), offset - typed, offset);
    boolean closed = offset < doc.text().length() && doc.text().charAt(offset) == '}';
    List<CompletionItem> out = new ArrayList<>();
    for (String n : names) {
      Optional<Variable> var = scope.variable(n);
      CompletionItem c = new CompletionItem(n);
      c.setKind(
          var.map(x -> x.kind() == Variable.Kind.ENV).orElse(false)
              ? CompletionItemKind.Constant
              : CompletionItemKind.Variable);
      c.setDetail(
          var.map(
                  x ->
                      x.kind().name().toLowerCase(Locale.ROOT)
                          + var.get().value().map(val -> " = " + val).orElse(""))
              .orElse("automatic platform ARG"));
      c.setTextEdit(Either.forLeft(new TextEdit(replace, braced && !closed ? n + "}" : n)));
      c.setSortText(
          (var.isPresent() && var.get().kind() != Variable.Kind.AUTOMATIC ? "0" : "1") + n);
      out.add(c);
    }
    return out;
  }
}
