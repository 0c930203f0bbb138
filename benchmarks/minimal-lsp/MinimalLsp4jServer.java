import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The least a language server on lsp4j does: answer initialize (incremental sync, hover), shutdown
 * and exit, publish no diagnostics for an opened document, and ignore every other notification. benchmarks/lsp-startup-floor.sh times its startup next
 * to dockerlint's, as the floor that the JVM and lsp4j set on this machine.
 */
public final class MinimalLsp4jServer implements LanguageServer, LanguageClientAware {
  private volatile LanguageClient client;

  public static void main(String[] args) throws Exception {
    MinimalLsp4jServer server = new MinimalLsp4jServer();
    Launcher<LanguageClient> l = LSPLauncher.createServerLauncher(server, System.in, System.out);
    server.connect(l.getRemoteProxy());
    l.startListening().get();
  }

  @Override
  public void connect(LanguageClient client) {
    this.client = client;
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    ServerCapabilities caps = new ServerCapabilities();
    caps.setTextDocumentSync(TextDocumentSyncKind.Incremental);
    caps.setHoverProvider(true);
    return CompletableFuture.completedFuture(new InitializeResult(caps));
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
    System.exit(0);
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return new TextDocumentService() {
      @Override
      public void didOpen(DidOpenTextDocumentParams params) {
        client.publishDiagnostics(
            new PublishDiagnosticsParams(
                params.getTextDocument().getUri(),
                List.of(),
                params.getTextDocument().getVersion()));
      }

      @Override
      public void didChange(DidChangeTextDocumentParams params) {}

      @Override
      public void didClose(DidCloseTextDocumentParams params) {}

      @Override
      public void didSave(DidSaveTextDocumentParams params) {}
    };
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return new WorkspaceService() {
      @Override
      public void didChangeConfiguration(DidChangeConfigurationParams params) {}

      @Override
      public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {}
    };
  }
}
