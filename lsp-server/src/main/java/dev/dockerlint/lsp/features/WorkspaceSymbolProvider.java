package dev.dockerlint.lsp.features;

import dev.dockerlint.lsp.document.DocumentModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Stage names and ARG/ENV declarations of the open Dockerfiles whose name contains the query
 * (case-insensitive).
 */
public final class WorkspaceSymbolProvider {
  public List<WorkspaceSymbol> provide(
      Collection<DocumentModel> docs, String query, CancelChecker cancel) {
    String q = query == null ? "" : query.toLowerCase(Locale.ROOT);
    List<WorkspaceSymbol> out = new ArrayList<>();
    for (DocumentModel doc : docs) {
      cancel.checkCanceled();
      for (Symbols.Occurrence o : Symbols.of(doc).all()) {
        if (o.declaration() && o.name().toLowerCase(Locale.ROOT).contains(q)) {
          out.add(
              new WorkspaceSymbol(
                  o.name(),
                  o.kind() == Symbols.Kind.STAGE ? SymbolKind.Module : SymbolKind.Variable,
                  Either.forLeft(new Location(doc.uri(), Lsp.range(o.range()))),
                  doc.path().map(p -> String.valueOf(p.getFileName())).orElse(doc.uri())));
        }
      }
    }
    return out;
  }
}
