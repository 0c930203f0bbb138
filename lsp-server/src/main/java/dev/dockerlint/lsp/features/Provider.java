package dev.dockerlint.lsp.features;

import dev.dockerlint.lsp.document.DocumentModel;
import dev.dockerlint.lsp.settings.ServerSettings;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/**
 * One LSP feature: maps a document version, the request's parameters and the settings to lsp4j
 * values. Providers know nothing of JSON-RPC; the text document service calls them, turns a failure
 * into a logged message and an empty result, and lets cancellation through.
 *
 * @param <P> the request parameters
 * @param <R> the result
 */
@FunctionalInterface
public interface Provider<P, R> {
  R provide(DocumentModel doc, P params, ServerSettings settings, CancelChecker cancel);
}
