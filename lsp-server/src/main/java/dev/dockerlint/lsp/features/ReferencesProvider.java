package dev.dockerlint.lsp.features;

import dev.dockerlint.lsp.document.DocumentModel;
import dev.dockerlint.lsp.settings.ServerSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/** Every use of a stage or variable (its declarations too when the client asks). */
public final class ReferencesProvider implements Provider<ReferenceParams, List<Location>> {
  @Override
  public List<Location> provide(
      DocumentModel doc, ReferenceParams params, ServerSettings settings, CancelChecker cancel) {
    Symbols symbols = Symbols.of(doc);
    Optional<Symbols.Occurrence> at = symbols.at(Lsp.position(doc.source(), params.getPosition()));
    if (at.isEmpty()) {
      return List.of();
    }
    boolean withDeclarations =
        params.getContext() == null || params.getContext().isIncludeDeclaration();
    List<Location> out = new ArrayList<>();
    for (Symbols.Occurrence o : symbols.group(at.get())) {
      if (withDeclarations || !o.declaration()) {
        out.add(new Location(doc.uri(), Lsp.range(o.range())));
      }
    }
    return out;
  }
}
