package dev.dockerlint.lsp.features;

import static dev.dockerlint.lsp.LspAssert.NEVER;
import static dev.dockerlint.lsp.LspAssert.URI;
import static dev.dockerlint.lsp.LspAssert.doc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.lsp.settings.ServerSettings;
import java.util.List;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.junit.jupiter.api.Test;

/** Document symbols, workspace symbols, folding and document links. */
class OutlineTest {
  private static final TextDocumentIdentifier ID = new TextDocumentIdentifier(URI);

  @Test
  void symbolsAreStagesWithTheirInstructions() {
    List<DocumentSymbol> s =
        new DocumentSymbolProvider()
            .provide(
                doc(
                    "ARG V=1\nFROM alpine AS build\nENV A=1\nRUN true\nFROM scratch\nCOPY --from=build /a /b\n"),
                new DocumentSymbolParams(ID),
                ServerSettings.DEFAULTS,
                NEVER);
    assertThat(s)
        .extracting(DocumentSymbol::getName)
        .containsExactly("ARG", "stage build", "stage 1");
    assertThat(s.get(1).getChildren())
        .extracting(DocumentSymbol::getName)
        .containsExactly("ENV", "RUN");
    assertThat(s.get(1).getChildren().get(0).getChildren())
        .extracting(DocumentSymbol::getName)
        .containsExactly("A");
  }

  @Test
  void workspaceSymbolsMatchDeclarationsByQuery() {
    List<WorkspaceSymbol> s =
        new WorkspaceSymbolProvider()
            .provide(
                List.of(doc("ARG VERSION=1\nFROM alpine AS build\nRUN echo $VERSION\n")),
                "ver",
                NEVER);
    assertThat(s).extracting(WorkspaceSymbol::getName).containsExactly("VERSION");
  }

  private static List<String> folds(String text) {
    return new FoldingProvider()
            .provide(doc(text), new FoldingRangeRequestParams(ID), ServerSettings.DEFAULTS, NEVER)
            .stream()
            .map(f -> f.getStartLine() + "-" + f.getEndLine() + " " + f.getKind())
            .toList();
  }

  @Test
  void foldsStagesContinuationsHeredocsAndCommentBlocks() {
    String text = "# one\n# two\nFROM alpine\nRUN apk add \\\n    curl\nRUN <<EOF\necho hi\nEOF\n";
    assertThat(folds(text))
        .containsExactlyInAnyOrder("2-7 region", "3-4 region", "5-7 region", "0-1 comment");
  }

  @Test
  void singleLinesDoNotFold() {
    assertThat(folds("FROM alpine\n")).isEmpty();
    assertThat(FoldingRange.class).isNotNull();
  }

  @Test
  void fromImagesLinkToTheirRegistryPages() {
    List<DocumentLink> links =
        new DocumentLinkProvider()
            .provide(
                doc(
                    "FROM alpine:3.20 AS a\nFROM bitnami/redis\nFROM ghcr.io/o/app:1\nFROM a\nFROM example.com/x\n"),
                new DocumentLinkParams(ID),
                ServerSettings.DEFAULTS,
                NEVER);
    assertThat(links)
        .extracting(DocumentLink::getTarget)
        .containsExactly(
            "https://hub.docker.com/_/alpine",
            "https://hub.docker.com/r/bitnami/redis",
            "https://ghcr.io/o/app");
  }
}
