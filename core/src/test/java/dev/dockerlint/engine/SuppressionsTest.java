package dev.dockerlint.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.config.Config;
import dev.dockerlint.config.RuleRef;
import dev.dockerlint.registry.RuleRegistry;
import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.parity.MaintainerDeprecated;
import dev.dockerlint.rules.syntax.EmptyContinuationLine;
import dev.dockerlint.semantic.BuildOptions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each pragma form, unused and unknown suppressions, and the configuration's rule settings. */
class SuppressionsTest {
  static final RuleRegistry RULES =
      new RuleRegistry(List.of(new MaintainerDeprecated(), new EmptyContinuationLine()));

  private static List<Diagnostic> lint(String text) {
    return lint(text, Config.none());
  }

  private static List<Diagnostic> lint(String text, Config config) {
    return new Linter(RULES, config)
        .lint("Dockerfile", text, BuildOptions.defaults(), Optional.empty())
        .diagnostics();
  }

  private static List<String> codesAndLines(List<Diagnostic> ds) {
    return ds.stream().map(d -> d.rule().code() + "@" + (d.range().start().line() + 1)).toList();
  }

  @Test
  void dockerlintPragmaWithReasonCoversTheNextInstruction() {
    assertThat(codesAndLines(lint("FROM a\n# dockerlint ignore=DKL4000 legacy\nMAINTAINER me\n")))
        .isEmpty();
  }

  @Test
  void pragmaListsSeveralCodes() {
    String text = "FROM a\n# dockerlint ignore=DKL0003, DKL4000 both\nMAINTAINER me\n";
    assertThat(codesAndLines(lint(text))).containsExactly("DKL0010@2");
    assertThat(lint(text).get(0).message()).contains("DKL0003").doesNotContain("DKL4000");
  }

  @Test
  void hadolintGlobalPragmaCoversTheFile() {
    assertThat(lint("# hadolint global ignore=DL4000\nFROM a\nMAINTAINER me\n")).isEmpty();
  }

  @Test
  void stagePragmaCoversItsStageOnly() {
    String text =
        "FROM a AS one\n# dockerlint stage ignore=DKL4000\nMAINTAINER x\nRUN true\nMAINTAINER y\n"
            + "FROM b\nMAINTAINER z\n";
    assertThat(codesAndLines(lint(text))).containsExactly("DKL4000@7");
  }

  @Test
  void stagePragmaAboveAFromCoversTheStageItStarts() {
    String text = "FROM a\nMAINTAINER x\n# hadolint stage ignore=DL4000\nFROM b\nMAINTAINER y\n";
    assertThat(codesAndLines(lint(text))).containsExactly("DKL4000@2");
  }

  @Test
  void buildkitCheckSkipAboveAnInstructionCoversIt() {
    String text = "FROM a\n# check=skip=MaintainerDeprecated\nMAINTAINER x\nMAINTAINER y\n";
    assertThat(codesAndLines(lint(text))).containsExactly("DKL4000@4");
  }

  @Test
  void buildkitCheckDirectiveIsFileWideAndNotReportedTwice() {
    String text = "# check=skip=MaintainerDeprecated\nFROM a\nMAINTAINER x\n";
    assertThat(lint(text)).isEmpty();
  }

  @Test
  void unusedSuppressionIsReportedWithAFixThatRemovesIt() {
    String text = "FROM a\n# dockerlint ignore=DKL4000\nRUN true\n";
    List<Diagnostic> ds = lint(text);
    assertThat(codesAndLines(ds)).containsExactly("DKL0010@2");
    assertThat(ds.get(0).severity()).isEqualTo(RuleRegistry.UNUSED_SUPPRESSION.severity());
    assertThat(ds.get(0).fixes().get(0).applyTo(text)).isEqualTo("FROM a\nRUN true\n");
  }

  @Test
  void unknownRuleInPragmaIsAWarningNotACrash() {
    List<Diagnostic> ds = lint("FROM a\n# dockerlint ignore=DKL9999\nRUN true\n");
    assertThat(codesAndLines(ds)).containsExactly("DKL0011@2");
    assertThat(ds.get(0).message()).contains("'DKL9999'");
  }

  @Test
  void foreignCodesDockerlintLacksAreNeitherUnknownNorUnused() {
    assertThat(lint("FROM a\n# hadolint ignore=DL3008,SC2086\nRUN true\n")).isEmpty();
    assertThat(lint("FROM a\n# check=skip=StageNameCasing\nRUN true\n")).isEmpty();
  }

  @Test
  void disabledPragmasSuppressNothing() {
    Config c = Config.builder().disableIgnorePragma(true).build();
    assertThat(codesAndLines(lint("FROM a\n# dockerlint ignore=DKL4000\nMAINTAINER x\n", c)))
        .containsExactly("DKL4000@3");
  }

  @Test
  void configIgnoreTurnsARuleOffAndItsSuppressionsAreNotUnused() {
    Config c = Config.builder().ignore(new RuleRef("DL4000", 1)).build();
    assertThat(lint("FROM a\n# dockerlint ignore=DKL4000\nMAINTAINER x\n", c)).isEmpty();
  }

  @Test
  void unusedSuppressionCanItselfBeIgnored() {
    Config c = Config.builder().ignore(new RuleRef("unused-suppression", 1)).build();
    assertThat(lint("FROM a\n# dockerlint ignore=DKL4000\nRUN true\n", c)).isEmpty();
  }
}
