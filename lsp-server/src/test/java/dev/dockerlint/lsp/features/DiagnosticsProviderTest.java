package dev.dockerlint.lsp.features;

import static dev.dockerlint.lsp.LspAssert.NEVER;
import static dev.dockerlint.lsp.LspAssert.assertDiagnostics;
import static dev.dockerlint.lsp.LspAssert.d;
import static dev.dockerlint.lsp.LspAssert.doc;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.dockerlint.lsp.settings.ServerSettings;
import dev.dockerlint.lsp.settings.SettingsParser;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DiagnosticTag;
import org.junit.jupiter.api.Test;

class DiagnosticsProviderTest {

  private static List<Diagnostic> diagnose(String text, ServerSettings settings) {
    return TestRules.diagnostics().provide(doc(text), null, settings, NEVER);
  }

  private static ServerSettings settings(String json) {
    return ServerSettings.DEFAULTS.with(SettingsParser.parse(JsonParser.parseString(json)).layer());
  }

  @Test
  void reportsEveryRuleWithCodeSourceAndDocLink() {
    List<Diagnostic> ds = diagnose("FROM alpine\nMAINTAINER me\n", ServerSettings.DEFAULTS);
    assertDiagnostics(ds, d(1, 0, 1, 10, "DKL4000"));
    assertThat(ds.get(0).getSource()).isEqualTo("dockerlint");
    assertThat(ds.get(0).getCodeDescription().getHref())
        .isEqualTo("https://dockerlint.dev/rules/dkl4000");
    assertThat(ds.get(0).getSeverity()).isEqualTo(DiagnosticSeverity.Warning);
  }

  @Test
  void aDocumentWithMoreProblemsThanTheEditorCanUseGetsTheMostSevereAndACount() {
    StringBuilder text = new StringBuilder("FROM alpine:3.20\n");
    for (int i = 0; i < 1500; i++) {
      text.append("RUN echo ").append(i).append('\n');
    }
    text.append("MAINTAINER me\n");
    DiagnosticsProvider p =
        new DiagnosticsProvider(
            dev.dockerlint.engine.Linter.builtIn(),
            dev.dockerlint.image.ImageMetadataSource.none("test"));
    var doc = doc(text.toString());
    int all = p.findings(doc, ServerSettings.DEFAULTS).size();
    assertThat(all).isGreaterThan(DiagnosticsProvider.MAX_PUBLISHED);
    List<Diagnostic> ds = p.provide(doc, null, ServerSettings.DEFAULTS, NEVER);
    assertThat(ds).hasSize(DiagnosticsProvider.MAX_PUBLISHED + 1);
    assertThat(ds)
        .filteredOn(d -> d.getCode() != null && "DKL4000".equals(d.getCode().getLeft()))
        .as("the warning is kept over the many less severe findings")
        .hasSize(1);
    Diagnostic more = ds.get(ds.size() - 1);
    assertThat(more.getMessage())
        .startsWith((all - DiagnosticsProvider.MAX_PUBLISHED) + " more problems are not shown");
    assertThat(more.getSeverity()).isEqualTo(DiagnosticSeverity.Information);
  }

  @Test
  void deprecatedRulesAreTaggedDeprecated() {
    List<Diagnostic> ds = diagnose("FROM alpine\nMAINTAINER me\n", ServerSettings.DEFAULTS);
    assertThat(ds.get(0).getTags()).containsExactly(DiagnosticTag.Deprecated);
  }

  @Test
  void predictedRuntimeErrorIsInTheMessage() {
    List<Diagnostic> ds =
        diagnose("FROM alpine\nENTRYPOINT [\"/run.sh\"]\n", ServerSettings.DEFAULTS);
    assertThat(ds.get(0).getMessage()).contains("permission denied");
  }

  @Test
  void relatedPlacesBecomeRelatedInformation() {
    List<Diagnostic> ds =
        diagnose("FROM alpine\nCOPY run.sh /\nENTRYPOINT [\"/run.sh\"]\n", ServerSettings.DEFAULTS);
    assertThat(ds.get(0).getRelatedInformation()).hasSize(1);
    assertThat(ds.get(0).getRelatedInformation().get(0).getMessage())
        .isEqualTo("the script is copied here");
    assertThat(
            ds.get(0).getRelatedInformation().get(0).getLocation().getRange().getStart().getLine())
        .isEqualTo(1);
  }

  @Test
  void ruleTurnedOffByNameDoesNotRun() {
    assertThat(
            diagnose(
                "FROM alpine\nMAINTAINER me\n",
                settings("{\"dockerlint\":{\"rules\":{\"maintainer-deprecated\":\"off\"}}}")))
        .isEmpty();
  }

  @Test
  void ignoreListAcceptsAliases() {
    assertThat(diagnose("FROM alpine\nMAINTAINER me\n", settings("{\"ignore\":[\"DL4000\"]}")))
        .isEmpty();
  }

  @Test
  void severityOverrideReplacesTheRulesSeverity() {
    List<Diagnostic> ds =
        diagnose("FROM alpine\nMAINTAINER me\n", settings("{\"rules\":{\"DKL4000\":\"error\"}}"));
    assertThat(ds.get(0).getSeverity()).isEqualTo(DiagnosticSeverity.Error);
  }

  @Test
  void builtInRulesRunOnBrokenText() {
    List<Diagnostic> ds =
        TestRules.builtIn()
            .provide(
                doc("FROM alpine\nRUN echo \\\n\n  hi\n"), null, ServerSettings.DEFAULTS, NEVER);
    assertThat(ds).extracting(x -> x.getCode().getLeft()).contains("DKL0003");
  }
}
