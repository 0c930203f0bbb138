package dev.dockerlint.lsp.features;

import static dev.dockerlint.lsp.LspAssert.NEVER;
import static dev.dockerlint.lsp.LspAssert.cursor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.lsp.LspAssert;
import dev.dockerlint.lsp.settings.ServerSettings;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;

class CompletionProviderTest {

  private static List<CompletionItem> complete(String text) {
    LspAssert.Cursor c = cursor(text);
    return new CompletionProvider()
        .provide(
            c.doc(),
            new CompletionParams(new TextDocumentIdentifier(c.doc().uri()), c.position()),
            ServerSettings.DEFAULTS,
            NEVER);
  }

  private static List<String> labels(String text) {
    return complete(text).stream().map(CompletionItem::getLabel).toList();
  }

  @Test
  void instructionsAtTheStartOfALine() {
    assertThat(labels("FROM alpine\nWO|\n")).contains("WORKDIR", "RUN", "COPY");
  }

  @Test
  void heredocAndExecFormSnippets() {
    List<CompletionItem> items = complete("FROM alpine\n|\n");
    CompletionItem heredoc =
        items.stream().filter(i -> i.getLabel().equals("RUN <<EOF")).findFirst().orElseThrow();
    assertThat(heredoc.getTextEdit().getLeft().getNewText()).contains("\nEOF");
    assertThat(items).extracting(CompletionItem::getLabel).contains("ENTRYPOINT [\"exec\"]");
  }

  @Test
  void flagsOfTheInstruction() {
    assertThat(labels("FROM alpine\nCOPY --|\n")).contains("--from", "--chmod", "--link");
  }

  @Test
  void platformValuesOfferBuildplatform() {
    assertThat(labels("FROM --platform=|\n")).startsWith("$BUILDPLATFORM").contains("linux/arm64");
  }

  @Test
  void stageNamesAfterFrom() {
    assertThat(labels("FROM alpine AS build\nFROM alpine AS test\nFROM scratch\nCOPY --from=|\n"))
        .containsExactly("build", "test");
  }

  @Test
  void stageNamesAfterFromAmongOtherFlags() {
    assertThat(labels("FROM alpine AS build\nFROM scratch\nCOPY --link --chmod=755 --from=b|\n"))
        .containsExactly("build");
  }

  @Test
  void onlyEarlierStagesAfterFrom() {
    assertThat(labels("FROM alpine AS a\nCOPY --from=| /x /y\nFROM alpine AS b\n")).isEmpty();
  }

  @Test
  void mountTypes() {
    assertThat(labels("FROM alpine\nRUN --mount=type=|\n"))
        .containsExactly("bind", "cache", "tmpfs", "secret", "ssh");
  }

  @Test
  void mountKeysOfTheType() {
    assertThat(labels("FROM alpine\nRUN --mount=type=cache,|\n")).contains("target=", "sharing=");
  }

  @Test
  void stageNamesInAMountFrom() {
    assertThat(labels("FROM alpine AS deps\nFROM alpine\nRUN --mount=type=bind,from=|\n"))
        .containsExactly("deps");
  }

  @Test
  void variablesInScopeAfterDollar() {
    assertThat(labels("FROM alpine\nARG VERSION=1\nENV HOME=/h\nRUN echo $|\n"))
        .contains("VERSION", "HOME")
        .doesNotContain("TARGETARCH");
  }

  @Test
  void bracedVariableGetsItsClosingBrace() {
    List<CompletionItem> items = complete("FROM alpine\nARG VERSION=1\nRUN echo ${VE|\n");
    assertThat(items.get(0).getTextEdit().getLeft().getNewText()).isEqualTo("VERSION}");
  }

  @Test
  void fromLinesSeeGlobalAndAutomaticArgs() {
    assertThat(labels("ARG BASE=alpine\nFROM $|\n"))
        .contains("BASE", "TARGETPLATFORM", "BUILDARCH");
  }

  @Test
  void globalArgsAreNotOfferedInsideAStage() {
    assertThat(labels("ARG BASE=alpine\nFROM $BASE\nRUN echo $|\n")).doesNotContain("BASE");
  }

  @Test
  void automaticPlatformArgsAfterArg() {
    assertThat(labels("FROM alpine\nARG TARGET|\n")).contains("TARGETARCH", "TARGETPLATFORM");
  }
}
