package dev.dockerlint.lsp.features;

import static dev.dockerlint.lsp.LspAssert.NEVER;
import static dev.dockerlint.lsp.LspAssert.URI;
import static dev.dockerlint.lsp.LspAssert.apply;
import static dev.dockerlint.lsp.LspAssert.cursor;
import static dev.dockerlint.lsp.LspAssert.r;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockerlint.lsp.LspAssert;
import dev.dockerlint.lsp.settings.ServerSettings;
import java.util.List;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.Test;

/** Definition, references, rename and highlight of stages and ARG/ENV variables. */
class NavigationTest {
  private static final TextDocumentIdentifier ID = new TextDocumentIdentifier(URI);

  private static List<Range> definition(String text) {
    LspAssert.Cursor c = cursor(text);
    return new DefinitionProvider()
            .provide(
                c.doc(), new DefinitionParams(ID, c.position()), ServerSettings.DEFAULTS, NEVER)
            .stream()
            .map(Location::getRange)
            .toList();
  }

  private static List<Range> references(String text) {
    LspAssert.Cursor c = cursor(text);
    return new ReferencesProvider()
            .provide(
                c.doc(),
                new ReferenceParams(ID, c.position(), new ReferenceContext(true)),
                ServerSettings.DEFAULTS,
                NEVER)
            .stream()
            .map(Location::getRange)
            .toList();
  }

  private static String rename(String text, String to) {
    LspAssert.Cursor c = cursor(text);
    WorkspaceEdit e =
        new RenameProvider()
            .provide(
                c.doc(), new RenameParams(ID, c.position(), to), ServerSettings.DEFAULTS, NEVER);
    return e == null ? null : apply(c.doc().text(), e.getChanges().get(URI));
  }

  @Test
  void stageReferenceGoesToItsName() {
    assertThat(definition("FROM alpine AS build\nFROM scratch\nCOPY --from=bu|ild /a /b\n"))
        .containsExactly(r(0, 15, 0, 20));
  }

  @Test
  void fromAmongOtherFlagsStillResolves() {
    assertThat(
            definition(
                "FROM alpine AS build\nFROM scratch\nCOPY --chown=1:1 --link --from=bu|ild /a /b\n"))
        .containsExactly(r(0, 15, 0, 20));
  }

  @Test
  void fromStageAndMountFromAreReferences() {
    assertThat(
            references(
                "FROM alpine AS b|ase\nFROM base\nRUN --mount=type=bind,from=base,target=/x true\n"
                    + "COPY --link --from=base /a /b\n"))
        .containsExactly(r(0, 15, 0, 19), r(1, 5, 1, 9), r(2, 27, 2, 31), r(3, 19, 3, 23));
  }

  @Test
  void variableGoesToTheNearestDeclaration() {
    assertThat(definition("FROM alpine\nARG V=1\nENV V=2\nRUN echo $|V\n"))
        .containsExactly(r(2, 4, 2, 5));
  }

  @Test
  void fromLineVariableGoesToTheGlobalArg() {
    assertThat(definition("ARG BASE=alpine\nFROM $BA|SE\n")).containsExactly(r(0, 4, 0, 8));
  }

  @Test
  void redeclaredGlobalArgGoesToTheGlobal() {
    assertThat(definition("ARG V=1\nFROM alpine\nARG |V\n")).containsExactly(r(0, 4, 0, 5));
  }

  @Test
  void stageScopeIsSeparateFromTheGlobalScope() {
    String text = "ARG V=1\nFROM alpine:$V\nARG V=2\nRUN echo $|V\n";
    assertThat(references(text)).containsExactly(r(2, 4, 2, 5), r(3, 10, 3, 11));
  }

  @Test
  void renameStageRenamesEveryUse() {
    assertThat(
            rename(
                "FROM alpine AS bu|ild\nFROM build AS test\nCOPY --link --from=build /a /b\n",
                "compile"))
        .isEqualTo(
            "FROM alpine AS compile\nFROM compile AS test\nCOPY --link --from=compile /a /b\n");
  }

  @Test
  void renameGlobalArgFollowsItsRedeclarations() {
    assertThat(rename("ARG V|ER=1\nFROM alpine:$VER\nARG VER\nRUN echo ${VER}\n", "TAG"))
        .isEqualTo("ARG TAG=1\nFROM alpine:$TAG\nARG TAG\nRUN echo ${TAG}\n");
  }

  @Test
  void renameLeavesOtherStagesAlone() {
    assertThat(
            rename("FROM alpine\nARG |A=1\nRUN echo $A\nFROM alpine\nARG A=2\nRUN echo $A\n", "B"))
        .isEqualTo("FROM alpine\nARG B=1\nRUN echo $B\nFROM alpine\nARG A=2\nRUN echo $A\n");
  }

  @Test
  void renameToAnInvalidNameIsRefused() {
    assertThatThrownBy(() -> rename("FROM alpine AS |a\n", "1 bad"))
        .isInstanceOf(ResponseErrorException.class)
        .hasMessageContaining("not a valid stage name");
  }

  @Test
  void automaticArgsCannotBeRenamed() {
    LspAssert.Cursor c = cursor("FROM --platform=$BUILD|PLATFORM alpine\n");
    assertThat(
            new RenameProvider()
                .prepare(
                    c.doc(),
                    new PrepareRenameParams(ID, c.position()),
                    ServerSettings.DEFAULTS,
                    NEVER))
        .isEmpty();
  }

  @Test
  void highlightMarksDeclarationsAsWrites() {
    LspAssert.Cursor c = cursor("FROM alpine\nENV |P=/a\nENV P=/b:$P\n");
    List<DocumentHighlight> hs =
        new HighlightProvider()
            .provide(
                c.doc(),
                new DocumentHighlightParams(ID, c.position()),
                ServerSettings.DEFAULTS,
                NEVER);
    assertThat(hs)
        .extracting(DocumentHighlight::getKind)
        .containsExactly(
            DocumentHighlightKind.Write, DocumentHighlightKind.Write, DocumentHighlightKind.Read);
  }
}
