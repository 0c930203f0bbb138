package dev.dockerlint.lsp.features;

import dev.dockerlint.engine.Linter;
import dev.dockerlint.image.ImageMetadataSource;
import dev.dockerlint.registry.RuleRegistry;
import dev.dockerlint.rules.Edit;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Fix;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.parity.MaintainerDeprecated;
import dev.dockerlint.syntax.CopyInstruction;
import dev.dockerlint.syntax.EntrypointInstruction;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.Range;
import java.util.List;

/** Rules written for the server's tests: they exercise what built-in rules may not have yet. */
final class TestRules {
  private TestRules() {}

  /** Flags an exec-form ENTRYPOINT, predicts a runtime error, points at the COPY of the script. */
  @RuleInfo(
      code = "DKL9001",
      name = "test-script-not-executable",
      severity = Severity.ERROR,
      summary = "Test rule",
      aliases = {"TestScript"})
  static final class ScriptNotExecutable implements Rule {
    @Override
    public void check(RuleContext ctx) {
      Instruction copy = null;
      for (Instruction i : ctx.file().instructions()) {
        if (i instanceof CopyInstruction) {
          copy = i;
        }
        if (i instanceof EntrypointInstruction e) {
          Finding f =
              Finding.of(e.range(), "entrypoint is not executable")
                  .withPredicts(Predicts.PERMISSION_DENIED)
                  .withFix(
                      Fix.unsafe(
                          "Add --chmod=755 to the COPY", new Edit(Range.at(e.range().start()), "")))
                  .withFix(
                      new Fix(
                          "Rebuild the script",
                          List.of(new Edit(e.range(), "")),
                          dev.dockerlint.rules.Applicability.DISPLAY_ONLY));
          if (copy != null) {
            f = f.withRelated(copy.range(), "the script is copied here");
          }
          ctx.report(f);
        }
      }
    }
  }

  /** A diagnostics provider over the built-in rules and the test rules. */
  static DiagnosticsProvider diagnostics() {
    return new DiagnosticsProvider(
        new Linter(
            new RuleRegistry(List.of(new MaintainerDeprecated(), new ScriptNotExecutable()))),
        ImageMetadataSource.none("test"));
  }

  /** A diagnostics provider over the built-in rules only. */
  static DiagnosticsProvider builtIn() {
    return new DiagnosticsProvider(Linter.builtIn(), ImageMetadataSource.none("test"));
  }
}
