package dev.dockerlint.lsp.features;

import dev.dockerlint.lsp.document.DocumentModel;
import dev.dockerlint.lsp.settings.ServerSettings;
import dev.dockerlint.rules.Applicability;
import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.Edit;
import dev.dockerlint.rules.Fix;
import dev.dockerlint.rules.RuleMeta;
import dev.dockerlint.syntax.Comment;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.Position;
import dev.dockerlint.syntax.Range;
import dev.dockerlint.syntax.SourceText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionDisabled;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Code actions: each fix of a diagnostic in the range as a quick fix (safe ones preferred, unsafe
 * ones marked, display-only ones shown disabled); "ignore CODE for this line", which merges the
 * code into a {@code # dockerlint ignore=}, {@code # hadolint ignore=} or {@code # check=skip=}
 * line right above the instruction when there is one; and "fix all safe problems" for the whole
 * document.
 */
public final class CodeActionProvider
    implements Provider<CodeActionParams, List<Either<Command, CodeAction>>> {

  /** The kind of "fix all safe problems" (editors run it on save when asked). */
  public static final String FIX_ALL_KIND = CodeActionKind.SourceFixAll + ".dockerlint";

  private static final Pattern PRAGMA =
      Pattern.compile(
          "^(\\s*#\\s*(dockerlint|hadolint)\\s+ignore\\s*=\\s*)([A-Za-z0-9_,\\-]+)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern CHECK_SKIP =
      Pattern.compile(
          "^(\\s*#\\s*check\\s*=\\s*(?:[^#]*;\\s*)?skip\\s*=\\s*)([A-Za-z0-9_,\\-]+)",
          Pattern.CASE_INSENSITIVE);

  private final DiagnosticsProvider diagnostics;

  public CodeActionProvider(DiagnosticsProvider diagnostics) {
    this.diagnostics = diagnostics;
  }

  @Override
  public List<Either<Command, CodeAction>> provide(
      DocumentModel doc, CodeActionParams params, ServerSettings settings, CancelChecker cancel) {
    List<String> only =
        params.getContext() == null || params.getContext().getOnly() == null
            ? List.of()
            : params.getContext().getOnly();
    Range wanted = Lsp.range(doc.source(), params.getRange());
    List<Diagnostic> all = diagnostics.findings(doc, settings);
    List<CodeAction> out = new ArrayList<>();
    Set<String> ignored = new HashSet<>();
    for (Diagnostic d : all) {
      if (!d.range().meets(wanted)) {
        continue;
      }
      org.eclipse.lsp4j.Diagnostic lsp = DiagnosticsProvider.toLsp(doc.uri(), d);
      for (Fix f : d.fixes()) {
        out.add(quickFix(doc, f, lsp));
      }
      Optional<Instruction> i = doc.file().instructionAt(d.range().start());
      String key = d.rule().code() + "@" + i.map(x -> x.range().start().toString()).orElse("");
      if (i.isPresent() && ignored.add(key)) {
        ignore(doc, d.rule(), i.get(), lsp).ifPresent(out::add);
      }
    }
    fixAll(doc, all).ifPresent(out::add);
    List<Either<Command, CodeAction>> result = new ArrayList<>();
    for (CodeAction a : out) {
      if (wanted(a.getKind(), only)) {
        result.add(Either.forRight(a));
      }
    }
    return result;
  }

  private static boolean wanted(String kind, List<String> only) {
    if (only.isEmpty()) {
      return true;
    }
    for (String o : only) {
      if (kind.equals(o) || kind.startsWith(o + ".")) {
        return true;
      }
    }
    return false;
  }

  private static CodeAction quickFix(DocumentModel doc, Fix f, org.eclipse.lsp4j.Diagnostic lsp) {
    CodeAction a = new CodeAction();
    a.setKind(CodeActionKind.QuickFix);
    a.setDiagnostics(List.of(lsp));
    switch (f.applicability()) {
      case SAFE -> {
        a.setTitle(f.title());
        a.setIsPreferred(true);
        a.setEdit(edit(doc, f.edits()));
      }
      case UNSAFE -> {
        a.setTitle(f.title() + " (unsafe: may change behaviour)");
        a.setEdit(edit(doc, f.edits()));
      }
      case DISPLAY_ONLY -> {
        a.setTitle(f.title());
        a.setDisabled(new CodeActionDisabled("a suggestion to review and apply by hand"));
      }
    }
    return a;
  }

  private static WorkspaceEdit edit(DocumentModel doc, List<Edit> edits) {
    List<TextEdit> te = new ArrayList<>();
    for (Edit e : edits) {
      te.add(new TextEdit(Lsp.range(e.range()), e.replacement()));
    }
    return new WorkspaceEdit(Map.of(doc.uri(), te));
  }

  /** Every safe fix of the document whose edits do not overlap an earlier chosen fix. */
  static Optional<CodeAction> fixAll(DocumentModel doc, List<Diagnostic> all) {
    List<Fix> safe = new ArrayList<>();
    for (Diagnostic d : all) {
      for (Fix f : d.fixes()) {
        if (f.applicability() == Applicability.SAFE && !f.edits().isEmpty()) {
          safe.add(f);
          break;
        }
      }
    }
    safe.sort(Comparator.comparing(f -> f.edits().get(0).range().start()));
    List<Edit> chosen = new ArrayList<>();
    Position end = new Position(0, 0);
    int count = 0;
    for (Fix f : safe) {
      Position first = f.edits().get(0).range().start();
      if (first.compareTo(end) < 0
          || (first.equals(end) && !chosen.isEmpty() && f.edits().get(0).range().isEmpty())) {
        continue;
      }
      chosen.addAll(f.edits());
      end = f.edits().get(f.edits().size() - 1).range().end();
      count++;
    }
    if (count == 0) {
      return Optional.empty();
    }
    CodeAction a = new CodeAction("Fix all safe problems (" + count + ")");
    a.setKind(FIX_ALL_KIND);
    a.setEdit(edit(doc, chosen));
    return Optional.of(a);
  }

  /** "Ignore CODE for this line": merged into a pragma right above, or a new pragma line. */
  static Optional<CodeAction> ignore(
      DocumentModel doc, RuleMeta rule, Instruction i, org.eclipse.lsp4j.Diagnostic lsp) {
    if (rule.code().equals("DKL0000")) {
      return Optional.empty();
    }
    SourceText src = doc.source();
    int line = i.header().firstLine();
    TextEdit edit = null;
    Optional<Comment> above = commentOnLine(doc, line - 1);
    if (above.isPresent()) {
      String text = src.lineText(line - 1);
      Matcher p = PRAGMA.matcher(text);
      Matcher c = CHECK_SKIP.matcher(text);
      if (p.find()) {
        boolean hadolint = p.group(2).toLowerCase(Locale.ROOT).equals("hadolint");
        String id = hadolint ? alias(rule, "DL").orElse(rule.code()) : rule.code();
        edit = append(src, line - 1, p.end(3), p.group(3), id);
      } else if (c.find()) {
        String id = buildkitName(rule).orElse(rule.code());
        edit = append(src, line - 1, c.end(2), c.group(2), id);
      }
    }
    if (edit == null) {
      String lineText = src.lineText(line);
      int indent = 0;
      while (indent < lineText.length() && Character.isWhitespace(lineText.charAt(indent))) {
        indent++;
      }
      int start = src.lineStart(line);
      edit =
          new TextEdit(
              Lsp.range(src, start, start),
              lineText.substring(0, indent) + "# dockerlint ignore=" + rule.code() + "\n");
    }
    CodeAction a = new CodeAction("Ignore " + rule.code() + " (" + rule.name() + ") for this line");
    a.setKind(CodeActionKind.QuickFix);
    a.setDiagnostics(List.of(lsp));
    a.setEdit(new WorkspaceEdit(Map.of(doc.uri(), List.of(edit))));
    return Optional.of(a);
  }

  private static TextEdit append(SourceText src, int line, int end, String ids, String id) {
    for (String existing : ids.split(",")) {
      if (existing.equalsIgnoreCase(id)) {
        return null;
      }
    }
    int at = src.lineStart(line) + end;
    return new TextEdit(Lsp.range(src, at, at), "," + id);
  }

  private static Optional<Comment> commentOnLine(DocumentModel doc, int line) {
    if (line < 0) {
      return Optional.empty();
    }
    for (Comment c : doc.file().comments()) {
      if (c.range().start().line() == line) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> alias(RuleMeta rule, String prefix) {
    return rule.aliases().stream().filter(a -> a.startsWith(prefix)).findFirst();
  }

  /** A BuildKit check name among the aliases (CamelCase, no digits). */
  private static Optional<String> buildkitName(RuleMeta rule) {
    return rule.aliases().stream().filter(a -> a.matches("[A-Z][A-Za-z]+")).findFirst();
  }
}
