package dev.dockerlint.lsp;

import com.google.gson.JsonPrimitive;
import dev.dockerlint.lsp.document.Documents;
import dev.dockerlint.lsp.features.RuleDocumentation;
import dev.dockerlint.lsp.features.WorkspaceSymbolProvider;
import dev.dockerlint.registry.RuleRegistry;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * Settings changes, workspace symbols (stages and variables of the open Dockerfiles) and the
 * {@value #EXPLAIN_COMMAND} command.
 */
public final class DockerlintWorkspaceService implements WorkspaceService {

  /**
   * {@code workspace/executeCommand} with one argument, a rule code, name or alias: answers the
   * rule's documentation page as Markdown (what {@code dockerlint explain} shows), so editors can
   * show it offline.
   */
  public static final String EXPLAIN_COMMAND = "dockerlint.explain";

  private final DockerlintLanguageServer server;
  private final Documents documents;
  private final RuleRegistry rules;
  private final WorkspaceSymbolProvider symbols = new WorkspaceSymbolProvider();

  DockerlintWorkspaceService(
      DockerlintLanguageServer server, Documents documents, RuleRegistry rules) {
    this.server = server;
    this.documents = documents;
    this.rules = rules;
  }

  @Override
  public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
    if (!EXPLAIN_COMMAND.equals(params.getCommand())) {
      return CompletableFuture.failedFuture(
          invalid("unknown command '" + params.getCommand() + "'"));
    }
    List<Object> args = params.getArguments() == null ? List.of() : params.getArguments();
    if (args.size() != 1
        || !(args.get(0) instanceof JsonPrimitive p)
        || !p.isString()
        || p.getAsString().isBlank()) {
      return CompletableFuture.failedFuture(
          invalid(EXPLAIN_COMMAND + " takes one argument, a rule code, name or alias"));
    }
    String id = p.getAsString();
    return rules
        .find(id)
        .<CompletableFuture<Object>>map(
            r -> CompletableFuture.completedFuture(RuleDocumentation.markdown(r)))
        .orElseGet(() -> CompletableFuture.failedFuture(invalid("unknown rule '" + id + "'")));
  }

  private static ResponseErrorException invalid(String message) {
    return new ResponseErrorException(
        new ResponseError(ResponseErrorCode.InvalidParams, message, null));
  }

  @Override
  public void didChangeConfiguration(DidChangeConfigurationParams params) {
    server.applyClientSettings(params.getSettings());
  }

  @Override
  public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
    // Build context files are read when a lint needs them; nothing is cached across lints. A
    // project configuration is: a change to one is applied to every open document at once.
    if (params.getChanges() != null
        && params.getChanges().stream().anyMatch(e -> isConfigurationFile(e.getUri()))) {
      server.configurationFilesChanged();
    }
  }

  /** Whether a file URI names a {@code .dockerlint.yaml} or {@code .hadolint.yaml} (or .yml). */
  static boolean isConfigurationFile(String uri) {
    if (uri == null) {
      return false;
    }
    String name = uri.substring(uri.lastIndexOf('/') + 1);
    return name.matches("(\\.dockerlint|\\.hadolint|config|hadolint)\\.ya?ml");
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
