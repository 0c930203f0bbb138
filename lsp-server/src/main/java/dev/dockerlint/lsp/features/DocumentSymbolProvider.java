package dev.dockerlint.lsp.features;

import dev.dockerlint.lsp.document.DocumentModel;
import dev.dockerlint.lsp.settings.ServerSettings;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.ArgDeclaration;
import dev.dockerlint.syntax.ArgInstruction;
import dev.dockerlint.syntax.EnvInstruction;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.KeyValue;
import dev.dockerlint.syntax.Range;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/** The outline: global ARGs, then each stage with its instructions (ARG/ENV with their names). */
public final class DocumentSymbolProvider
    implements Provider<DocumentSymbolParams, List<DocumentSymbol>> {
  @Override
  public List<DocumentSymbol> provide(
      DocumentModel doc,
      DocumentSymbolParams params,
      ServerSettings settings,
      CancelChecker cancel) {
    List<DocumentSymbol> out = new ArrayList<>();
    for (Instruction i : doc.model().globalArgs()) {
      out.add(instruction(i));
    }
    for (Stage s : doc.model().stages()) {
      cancel.checkCanceled();
      List<DocumentSymbol> children = new ArrayList<>();
      Range whole = s.from().range();
      for (Instruction i : s.instructions()) {
        children.add(instruction(i));
        whole = whole.union(i.range());
      }
      String detail = s.from().image().map(w -> "FROM " + w.value()).orElse("FROM");
      DocumentSymbol sym =
          new DocumentSymbol(
              "stage " + s.displayName(),
              SymbolKind.Module,
              Lsp.range(whole),
              Lsp.range(s.nameWord().map(w -> w.range()).orElse(s.from().keyword().range())),
              detail,
              children);
      out.add(sym);
    }
    return out;
  }

  private static DocumentSymbol instruction(Instruction i) {
    List<DocumentSymbol> vars = new ArrayList<>();
    if (i instanceof ArgInstruction a) {
      for (ArgDeclaration d : a.declarations()) {
        vars.add(
            new DocumentSymbol(
                d.name(),
                SymbolKind.Variable,
                Lsp.range(d.word().range()),
                Lsp.range(d.nameRange())));
      }
    } else if (i instanceof EnvInstruction e) {
      for (KeyValue kv : e.pairs()) {
        vars.add(
            new DocumentSymbol(
                kv.key().value(),
                SymbolKind.Constant,
                Lsp.range(kv.range()),
                Lsp.range(kv.key().range())));
      }
    }
    String args = i.arguments().value();
    String detail = args.length() > 60 ? args.substring(0, 57) + "..." : args;
    DocumentSymbol s =
        new DocumentSymbol(
            i.keyword().canonical(),
            SymbolKind.Function,
            Lsp.range(i.range()),
            Lsp.range(i.keyword().range()),
            detail.isEmpty() ? null : detail.replace('\n', ' '),
            vars.isEmpty() ? null : vars);
    return s;
  }
}
