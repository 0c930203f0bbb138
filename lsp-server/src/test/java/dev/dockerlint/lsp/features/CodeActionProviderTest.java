package dev.dockerlint.lsp.features;

import static dev.dockerlint.lsp.LspAssert.NEVER;
import static dev.dockerlint.lsp.LspAssert.URI;
import static dev.dockerlint.lsp.LspAssert.apply;
import static dev.dockerlint.lsp.LspAssert.assertCodeAction;
import static dev.dockerlint.lsp.LspAssert.ca;
import static dev.dockerlint.lsp.LspAssert.doc;
import static dev.dockerlint.lsp.LspAssert.r;
import static dev.dockerlint.lsp.LspAssert.te;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.lsp.settings.ServerSettings;
import java.util.List;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;

class CodeActionProviderTest {

  private static List<CodeAction> actions(String text, Range range, List<String> only) {
    CodeActionContext ctx = new CodeActionContext(List.of());
    if (only != null) {
      ctx.setOnly(only);
    }
    return new CodeActionProvider(TestRules.diagnostics())
            .provide(
                doc(text),
                new CodeActionParams(new TextDocumentIdentifier(URI), range, ctx),
                ServerSettings.DEFAULTS,
                NEVER)
            .stream()
            .map(Either::getRight)
            .toList();
  }

  private static List<CodeAction> actions(String text, Range range) {
    return actions(text, range, null);
  }

  @Test
  void safeFixIsAPreferredQuickFix() {
    List<CodeAction> as = actions("FROM alpine\nMAINTAINER me\n", r(1, 0, 1, 0));
    assertCodeAction(
        as,
        ca(
            "Replace with an authors LABEL",
            te(1, 0, 1, 13, "LABEL org.opencontainers.image.authors=\"me\"")));
    assertThat(as.get(0).getIsPreferred()).isTrue();
    assertThat(as.get(0).getDiagnostics()).hasSize(1);
  }

  @Test
  void unsafeFixIsOfferedMarkedAndNotPreferred() {
    List<CodeAction> as = actions("FROM alpine\nENTRYPOINT [\"/x\"]\n", r(1, 0, 1, 0));
    CodeAction unsafe =
        as.stream().filter(a -> a.getTitle().startsWith("Add --chmod")).findFirst().orElseThrow();
    assertThat(unsafe.getTitle()).contains("unsafe");
    assertThat(unsafe.getIsPreferred()).isNull();
  }

  @Test
  void displayOnlyFixIsShownDisabled() {
    List<CodeAction> as = actions("FROM alpine\nENTRYPOINT [\"/x\"]\n", r(1, 0, 1, 0));
    CodeAction shown =
        as.stream()
            .filter(a -> a.getTitle().equals("Rebuild the script"))
            .findFirst()
            .orElseThrow();
    assertThat(shown.getDisabled()).isNotNull();
    assertThat(shown.getEdit()).isNull();
  }

  @Test
  void ignoreAddsAPragmaAboveTheInstruction() {
    assertCodeAction(
        actions("FROM alpine\n  MAINTAINER me\n", r(1, 3, 1, 3)),
        ca(
            "Ignore DKL4000 (maintainer-deprecated) for this line",
            te(1, 0, 1, 0, "  # dockerlint ignore=DKL4000\n")));
  }

  @Test
  void ignoreMergesIntoAnExistingDockerlintPragma() {
    assertCodeAction(
        actions("FROM alpine\n# dockerlint ignore=DKL9001 reason\nMAINTAINER me\n", r(2, 0, 2, 0)),
        ca("Ignore DKL4000 (maintainer-deprecated) for this line", te(1, 27, 1, 27, ",DKL4000")));
  }

  @Test
  void ignoreMergesIntoAHadolintPragmaWithTheHadolintCode() {
    assertCodeAction(
        actions("FROM alpine\n# hadolint ignore=DL3006\nMAINTAINER me\n", r(2, 0, 2, 0)),
        ca("Ignore DKL4000 (maintainer-deprecated) for this line", te(1, 24, 1, 24, ",DL4000")));
  }

  @Test
  void ignoreMergesIntoACheckSkipLineWithTheBuildkitName() {
    assertCodeAction(
        actions("FROM alpine\n# check=skip=JSONArgsRecommended\nMAINTAINER me\n", r(2, 0, 2, 0)),
        ca(
            "Ignore DKL4000 (maintainer-deprecated) for this line",
            te(1, 32, 1, 32, ",MaintainerDeprecated")));
  }

  @Test
  void fixAllAppliesEverySafeFixOnce() {
    String text = "FROM alpine\nMAINTAINER a\nMAINTAINER b\n";
    List<CodeAction> as = actions(text, r(0, 0, 0, 0), List.of("source.fixAll"));
    assertThat(as).extracting(CodeAction::getTitle).containsExactly("Fix all safe problems (2)");
    assertThat(apply(text, as.get(0).getEdit().getChanges().get(URI)))
        .isEqualTo(
            "FROM alpine\nLABEL org.opencontainers.image.authors=\"a\"\n"
                + "LABEL org.opencontainers.image.authors=\"b\"\n");
  }

  @Test
  void onlyQuickFixesLeavesFixAllOut() {
    List<CodeAction> as =
        actions("FROM alpine\nMAINTAINER a\n", r(1, 0, 1, 0), List.of("quickfix"));
    assertThat(as).extracting(CodeAction::getKind).containsOnly("quickfix");
  }

  @Test
  void noActionsAwayFromDiagnosticsButFixAll() {
    assertThat(actions("FROM alpine\nRUN true\nMAINTAINER a\n", r(1, 0, 1, 0)))
        .extracting(CodeAction::getTitle)
        .containsExactly("Fix all safe problems (1)");
  }
}
