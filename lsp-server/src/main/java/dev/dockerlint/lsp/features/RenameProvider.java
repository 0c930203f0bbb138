package dev.dockerlint.lsp.features;

import dev.dockerlint.lsp.document.DocumentModel;
import dev.dockerlint.lsp.settings.ServerSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * Renames a stage (its {@code AS name}, {@code FROM name}, every {@code --from=name}) or a variable
 * (its ARG/ENV declarations in the same scope and every {@code $name}). Symbols without a
 * declaration in the file (automatic platform ARGs) cannot be renamed.
 */
public final class RenameProvider implements Provider<RenameParams, WorkspaceEdit> {
  private static final Pattern STAGE_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_.-]*");
  private static final Pattern VARIABLE_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  /** The range of the renamable symbol under the cursor and its current name. */
  public Optional<PrepareRenameResult> prepare(
      DocumentModel doc,
      PrepareRenameParams params,
      ServerSettings settings,
      CancelChecker cancel) {
    Symbols symbols = Symbols.of(doc);
    return symbols
        .at(Lsp.position(doc.source(), params.getPosition()))
        .filter(symbols::declared)
        .map(o -> new PrepareRenameResult(Lsp.range(o.range()), o.name()));
  }

  @Override
  public WorkspaceEdit provide(
      DocumentModel doc, RenameParams params, ServerSettings settings, CancelChecker cancel) {
    Symbols symbols = Symbols.of(doc);
    Optional<Symbols.Occurrence> at =
        symbols.at(Lsp.position(doc.source(), params.getPosition())).filter(symbols::declared);
    if (at.isEmpty()) {
      return null;
    }
    String name = params.getNewName();
    Pattern valid = at.get().kind() == Symbols.Kind.STAGE ? STAGE_NAME : VARIABLE_NAME;
    if (name == null || !valid.matcher(name).matches()) {
      throw new ResponseErrorException(
          new ResponseError(
              ResponseErrorCode.InvalidParams,
              "'"
                  + name
                  + "' is not a valid "
                  + (at.get().kind() == Symbols.Kind.STAGE ? "stage" : "variable")
                  + " name",
              null));
    }
    List<TextEdit> edits = new ArrayList<>();
    for (Symbols.Occurrence o : symbols.group(at.get())) {
      edits.add(new TextEdit(Lsp.range(o.range()), name));
    }
    return new WorkspaceEdit(Map.of(doc.uri(), edits));
  }
}
