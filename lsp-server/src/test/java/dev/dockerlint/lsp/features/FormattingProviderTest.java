package dev.dockerlint.lsp.features;

import static dev.dockerlint.lsp.LspAssert.NEVER;
import static dev.dockerlint.lsp.LspAssert.URI;
import static dev.dockerlint.lsp.LspAssert.apply;
import static dev.dockerlint.lsp.LspAssert.doc;
import static dev.dockerlint.lsp.LspAssert.r;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.dockerlint.lsp.settings.ServerSettings;
import dev.dockerlint.lsp.settings.SettingsParser;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;

class FormattingProviderTest {
  private static final TextDocumentIdentifier ID = new TextDocumentIdentifier(URI);

  private static String format(String text, ServerSettings s) {
    return apply(
        text,
        new FormattingProvider()
            .provide(
                doc(text),
                new DocumentFormattingParams(ID, new FormattingOptions(2, true)),
                s,
                NEVER));
  }

  private static ServerSettings settings(String json) {
    return ServerSettings.DEFAULTS.with(SettingsParser.parse(JsonParser.parseString(json)).layer());
  }

  @Test
  void keywordsBecomeUpperCase() {
    assertThat(format("from alpine\nrun echo hi\nonbuild run x\n", ServerSettings.DEFAULTS))
        .isEqualTo("FROM alpine\nRUN echo hi\nONBUILD RUN x\n");
  }

  @Test
  void lowerCaseWhenConfigured() {
    assertThat(format("FROM alpine\n", settings("{\"format\":{\"keywordCase\":\"lower\"}}")))
        .isEqualTo("from alpine\n");
  }

  @Test
  void continuationLinesAreIndented() {
    assertThat(
            format(
                "FROM a\nRUN apt-get update \\\n&& apt-get install -y \\\n\t  curl\n",
                ServerSettings.DEFAULTS))
        .isEqualTo("FROM a\nRUN apt-get update \\\n    && apt-get install -y \\\n    curl\n");
  }

  @Test
  void indentIsConfigurable() {
    assertThat(
            format(
                "FROM a\nRUN a \\\n    b\n", settings("{\"format\":{\"continuationIndent\":2}}")))
        .isEqualTo("FROM a\nRUN a \\\n  b\n");
  }

  @Test
  void execFormArraysAreSpaced() {
    assertThat(
            format(
                "FROM a\nCMD [ \"a\",\"b\" ,  \"c\"]\nCOPY [\"x\",\"/y\"]\n",
                ServerSettings.DEFAULTS))
        .isEqualTo("FROM a\nCMD [\"a\", \"b\", \"c\"]\nCOPY [\"x\", \"/y\"]\n");
  }

  @Test
  void execFormArraysCanHaveInnerSpaces() {
    assertThat(format("FROM a\nCMD [\"a\"]\n", settings("{\"format\":{\"jsonArraySpaces\":true}}")))
        .isEqualTo("FROM a\nCMD [ \"a\" ]\n");
  }

  @Test
  void heredocBodiesAreLeftAlone() {
    String text = "FROM a\nRUN <<EOF\n  echo hi\n\tEOF\nEOF\n";
    assertThat(format(text, ServerSettings.DEFAULTS)).isEqualTo(text);
  }

  @Test
  void formattingIsIdempotent() {
    String messy =
        "from a as b\nrun x \\\n  y \\\n z\ncmd [ \"a\",\"b\"]\nCOPY --from=b [\"a\",\"/b\"]\n";
    String once = format(messy, ServerSettings.DEFAULTS);
    assertThat(format(once, ServerSettings.DEFAULTS)).isEqualTo(once);
  }

  @Test
  void rangeFormattingTouchesOnlyTheInstructionsInRange() {
    String text = "from a\nrun x\nrun y\n";
    assertThat(
            apply(
                text,
                new FormattingProvider()
                    .range(
                        doc(text),
                        new DocumentRangeFormattingParams(
                            ID, new FormattingOptions(2, true), r(1, 0, 1, 3)),
                        ServerSettings.DEFAULTS,
                        NEVER)))
        .isEqualTo("from a\nRUN x\nrun y\n");
  }
}
