package dev.dockerlint.lsp.features;

import static dev.dockerlint.lsp.LspAssert.NEVER;
import static dev.dockerlint.lsp.LspAssert.URI;
import static dev.dockerlint.lsp.LspAssert.doc;
import static dev.dockerlint.lsp.LspAssert.r;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.lsp.document.DocumentModel;
import dev.dockerlint.lsp.settings.ServerSettings;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensDelta;
import org.eclipse.lsp4j.SemanticTokensDeltaParams;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;

/** Semantic tokens (full and delta) and inlay hints. */
class PresentationTest {
  private static final TextDocumentIdentifier ID = new TextDocumentIdentifier(URI);

  /** The tokens decoded to "text:type" strings, in order. */
  private static List<String> tokens(String text) {
    DocumentModel d = doc(text);
    SemanticTokens t =
        new SemanticTokensProvider()
            .provide(d, new SemanticTokensParams(ID), ServerSettings.DEFAULTS, NEVER);
    List<String> out = new ArrayList<>();
    List<Integer> data = t.getData();
    int line = 0;
    int col = 0;
    for (int i = 0; i < data.size(); i += 5) {
      line += data.get(i);
      col = data.get(i) == 0 ? col + data.get(i + 1) : data.get(i + 1);
      String s = d.source().lineText(line).substring(col, col + data.get(i + 2));
      out.add(
          s
              + ":"
              + SemanticTokensProvider.TYPES.get(data.get(i + 3))
              + (data.get(i + 4) != 0 ? "+" + data.get(i + 4) : ""));
    }
    return out;
  }

  @Test
  void keywordsFlagsImagesAndStageNames() {
    assertThat(tokens("FROM --platform=$BUILDPLATFORM golang AS build\n"))
        .containsExactly(
            "FROM:keyword",
            "platform:parameter",
            "$:string",
            "BUILDPLATFORM:variable+2",
            "golang:type",
            "AS:keyword",
            "build:namespace+1");
  }

  @Test
  void execFormStringsAndComments() {
    assertThat(tokens("# hi\nFROM a\nCMD [\"run\", \"-x\"]\n"))
        .containsExactly(
            "# hi:comment",
            "FROM:keyword",
            "a:type",
            "CMD:keyword",
            "\"run\":string",
            "\"-x\":string");
  }

  @Test
  void heredocBodiesWithTheirVariables() {
    assertThat(tokens("FROM a\nARG V=1\nRUN <<EOF\necho $V\nEOF\n"))
        .containsExactly(
            "FROM:keyword",
            "a:type",
            "ARG:keyword",
            "V:variable+1",
            "RUN:keyword",
            "<<EOF:operator",
            "echo $:string",
            "V:variable",
            "EOF:operator");
  }

  @Test
  void deltaSendsOnlyTheChange() {
    SemanticTokensProvider p = new SemanticTokensProvider();
    SemanticTokens first =
        p.provide(
            doc("FROM a\nRUN x\nRUN y\n"),
            new SemanticTokensParams(ID),
            ServerSettings.DEFAULTS,
            NEVER);
    Either<SemanticTokens, SemanticTokensDelta> next =
        p.delta(
            doc("FROM a\nRUN x\nRUN y\nUSER z\n"),
            new SemanticTokensDeltaParams(ID, first.getResultId()),
            ServerSettings.DEFAULTS,
            NEVER);
    assertThat(next.isRight()).isTrue();
    assertThat(next.getRight().getEdits()).hasSize(1);
    assertThat(next.getRight().getEdits().get(0).getStart()).isEqualTo(first.getData().size());
    assertThat(next.getRight().getEdits().get(0).getData()).hasSize(5);
  }

  @Test
  void deltaAgainstAnUnknownResultSendsEverything() {
    Either<SemanticTokens, SemanticTokensDelta> r =
        new SemanticTokensProvider()
            .delta(
                doc("FROM a\n"),
                new SemanticTokensDeltaParams(ID, "nope"),
                ServerSettings.DEFAULTS,
                NEVER);
    assertThat(r.isLeft()).isTrue();
  }

  private static List<String> hints(String text) {
    return new InlayHintProvider()
            .provide(
                doc(text), new InlayHintParams(ID, r(0, 0, 99, 0)), ServerSettings.DEFAULTS, NEVER)
            .stream()
            .map(
                h ->
                    h.getPosition().getLine()
                        + ":"
                        + h.getPosition().getCharacter()
                        + " "
                        + h.getLabel().getLeft())
            .toList();
  }

  @Test
  void resolvedArgValuesAndStagePlatforms() {
    assertThat(hints("ARG TAG=3.20\nFROM alpine:${TAG}\nARG TAG\nRUN echo $TAG\n"))
        .containsExactly("1:18 = 3.20", "3:13 = 3.20", "1:18 linux/amd64");
  }

  @Test
  void explicitPlatformIsShown() {
    assertThat(hints("FROM --platform=linux/arm64 alpine\n")).containsExactly("0:34 linux/arm64");
  }

  @Test
  void hintsCanBeTurnedOff() {
    ServerSettings off =
        new ServerSettings(
            ServerSettings.DEFAULTS.rules(),
            ServerSettings.DEFAULTS.platform(),
            ServerSettings.DEFAULTS.buildArgs(),
            ServerSettings.DEFAULTS.context(),
            ServerSettings.DEFAULTS.images(),
            ServerSettings.DEFAULTS.format(),
            0,
            false);
    List<InlayHint> hs =
        new InlayHintProvider()
            .provide(doc("FROM alpine\n"), new InlayHintParams(ID, r(0, 0, 99, 0)), off, NEVER);
    assertThat(hs).isEmpty();
  }
}
