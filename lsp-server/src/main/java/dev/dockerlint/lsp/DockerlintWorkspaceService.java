package dev.dockerlint.lsp;

import dev.dockerlint.lsp.document.Documents;
import dev.dockerlint.lsp.features.WorkspaceSymbolProvider;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.WorkspaceService;

/** Settings changes and workspace symbols (stages and variables of the open Dockerfiles). */
public final class DockerlintWorkspaceService implements WorkspaceService {
  private final DockerlintLanguageServer server;
  private final Documents documents;
  private final WorkspaceSymbolProvider symbols = new WorkspaceSymbolProvider();

  DockerlintWorkspaceService(DockerlintLanguageServer server, Documents documents) {
    this.server = server;
    this.documents = documents;
  }

  @Override
  public void didChangeConfiguration(DidChangeConfigurationParams params) {
    server.applyClientSettings(params.getSettings());
  }

  @Override
  public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
    // Build context files are read when a lint needs them; nothing is cached across lints.
  }

  @Override
  public CompletableFuture<
          Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>>>
      symbol(WorkspaceSymbolParams params) {
    return CompletableFutures.computeAsync(
        server.requestPool(),
        cancel -> {
          try {
            return Either.forRight(symbols.provide(documents.all(), params.getQuery(), cancel));
          } catch (CancellationException e) {
            throw e;
          } catch (RuntimeException e) {
            server.log(MessageType.Error, "dockerlint: workspace symbols failed: " + e);
            return Either.forRight(List.of());
          }
        });
  }
}
