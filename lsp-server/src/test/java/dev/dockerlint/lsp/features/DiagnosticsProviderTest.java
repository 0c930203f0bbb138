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
