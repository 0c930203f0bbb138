package dev.dockerlint.lsp.features;

import dev.dockerlint.lsp.document.DocumentModel;
import dev.dockerlint.lsp.settings.ServerSettings;
import java.util.List;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/** Marks every occurrence of the stage or variable under the cursor: declarations as writes. */
public final class HighlightProvider
    implements Provider<DocumentHighlightParams, List<DocumentHighlight>> {
  @Override
  public List<DocumentHighlight> provide(
      DocumentModel doc,
      DocumentHighlightParams params,
      ServerSettings settings,
      CancelChecker cancel) {
    Symbols symbols = Symbols.of(doc);
    return symbols
        .at(Lsp.position(doc.source(), params.getPosition()))
        .map(
            at ->
                symbols.group(at).stream()
                    .map(
                        o ->
                            new DocumentHighlight(
                                Lsp.range(o.range()),
                                o.declaration()
                                    ? DocumentHighlightKind.Write
                                    : DocumentHighlightKind.Read))
                    .toList())
        .orElse(List.of());
  }
}
