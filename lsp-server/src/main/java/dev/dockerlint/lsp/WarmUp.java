package dev.dockerlint.lsp;

import dev.dockerlint.lsp.document.DocumentModel;
import dev.dockerlint.semantic.BuildOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.jsonrpc.json.MessageConstants;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;

/**
 * A small Dockerfile that the server asks every interactive feature about once, in the background,
 * after the first document's diagnostics are out: the first hover, completion or code action of a
 * session otherwise pays for loading and linking the code that answers it (10-20 ms on a 2-core
 * machine, against about 1 ms afterwards). It is not an open document: nothing is published for it,
 * it takes no part in workspace requests, and it looks up no images (its stages are built on {@code
 * scratch} and on each other).
 *
 * @param doc the document
 * @param spots places to ask about: keywords, flags, variables, stage names, image names, a COPY
 *     source, and places where completion offers instructions, flags, flag values, stages and
 *     variables
 * @param typing where a keystroke goes, so that an edited version is asked about too (what the
 *     server reuses from one version to the next is built on other paths)
 */
record WarmUp(DocumentModel doc, List<Position> spots, Position typing) {

  /**
   * The text; each {@code |} marks a spot and {@code ^} the place where a keystroke edits it
   * (within one stage), neither of them part of the document.
   */
  private static final String TEXT =
      """
      # syntax=docker/dockerfile:1
      ARG |VERSION=1.0
      FROM --pl|atform=$BUI|LDPLATFORM scratch AS bu|ild
      ARG TARGETARCH
      ENV APP_HOME=/app PATH=/app/bin:$PATH
      WORK|DIR $APP_|HOME
      COPY --chmod=755 entry|point.sh /app/bin/
      RUN <<EOF
      echo "$VERSION $TARGET|ARCH"
      EOF
      |
      FROM scr|atch
      COPY --from=|build /app /app
      USER 1000^
      ENTRYPOINT /app/bin/entrypoint.sh $|
      CMD |["--help"]
      """;

  static WarmUp create() {
    StringBuilder text = new StringBuilder();
    List<Position> spots = new ArrayList<>();
    Position typing = null;
    int line = 0;
    int column = 0;
    for (int k = 0; k < TEXT.length(); k++) {
      char c = TEXT.charAt(k);
      if (c == '|') {
        spots.add(new Position(line, column));
        continue;
      }
      if (c == '^') {
        typing = new Position(line, column);
        continue;
      }
      text.append(c);
      if (c == '\n') {
        line++;
        column = 0;
      } else {
        column++;
      }
    }
    return new WarmUp(
        new DocumentModel(
            "dockerlint-warm-up:/Dockerfile", 1, text.toString(), BuildOptions.defaults()),
        List.copyOf(spots),
        typing);
  }

  /**
   * Sends a warm-up request and its answer through the connection's JSON handler, to nowhere: the
   * request is written and read back, the answer written.
   */
  static final class Json {
    private final Optional<MessageJsonHandler> handler;
    private int id;

    Json(Optional<MessageJsonHandler> handler) {
      this.handler = handler;
    }

    void exchange(String method, Object params, Object result) {
      if (handler.isEmpty()) {
        return;
      }
      MessageJsonHandler h = handler.get();
      String requestId = "dockerlint-warm-up-" + ++id;
      RequestMessage request = new RequestMessage();
      request.setJsonrpc(MessageConstants.JSONRPC_VERSION);
      request.setId(requestId);
      request.setMethod(method);
      request.setParams(params);
      h.parseMessage(h.serialize(request));
      ResponseMessage response = new ResponseMessage();
      response.setJsonrpc(MessageConstants.JSONRPC_VERSION);
      response.setId(requestId);
      response.setResult(result);
      h.serialize(response);
    }
  }
}
