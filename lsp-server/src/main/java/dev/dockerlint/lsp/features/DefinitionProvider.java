package dev.dockerlint.lsp.features;

import dev.dockerlint.lsp.document.DocumentModel;
import dev.dockerlint.lsp.settings.ServerSettings;
import java.util.List;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/** Go to the stage's {@code AS name}, or to the ARG/ENV that sets a variable. */
public final class DefinitionProvider implements Provider<DefinitionParams, List<Location>> {
  @Override
  public List<Location> provide(
      DocumentModel doc, DefinitionParams params, ServerSettings settings, CancelChecker cancel) {
    return Symbols.of(doc)
        .at(Lsp.position(doc.source(), params.getPosition()))
        .flatMap(Symbols.Occurrence::target)
        .map(r -> List.of(new Location(doc.uri(), Lsp.range(r))))
        .orElse(List.of());
  }
}
