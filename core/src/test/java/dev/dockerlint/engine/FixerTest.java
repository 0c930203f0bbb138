package dev.dockerlint.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.registry.RuleRegistry;
import dev.dockerlint.rules.Edit;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Fix;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.parity.MaintainerDeprecated;
import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.RunInstruction;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FixerTest {
  /** Offers an unsafe fix that upper-cases {@code run}'s arguments, and a conflicting one. */
  @RuleInfo(code = "DKL9980", name = "shouting-run", severity = Severity.STYLE, summary = "Test")
  static final class Shout implements Rule {
    @Override
    public void check(RuleContext ctx) {
      for (Instruction i : ctx.file().instructions()) {
        if (i instanceof RunInstruction r) {
          var args = r.header().arguments();
          if (!args.value().equals(args.value().toUpperCase())) {
            ctx.report(
                Finding.of(args.range(), "quiet")
                    .withFix(
                        Fix.unsafe("shout", new Edit(args.range(), args.value().toUpperCase()))));
          }
        }
      }
    }
  }

  static Linter linter() {
    return new Linter(new RuleRegistry(List.of(new MaintainerDeprecated(), new Shout())));
  }

  static Fixer.Result fix(String text, boolean unsafe) {
    Linter l = linter();
    return Fixer.fixAll(
        text,
        t -> l.lint("Dockerfile", t, BuildOptions.defaults(), Optional.empty()),
        Fixer.allowed(unsafe));
  }

  @Test
  void safeFixesOnlyByDefault() {
    Fixer.Result r = fix("FROM a\nMAINTAINER me\nRUN echo hi\n", false);
    assertThat(r.text())
        .isEqualTo("FROM a\nLABEL org.opencontainers.image.authors=\"me\"\nRUN echo hi\n");
    assertThat(r.applied()).isEqualTo(1);
    assertThat(r.report().diagnostics())
        .extracting(d -> d.rule().code())
        .containsExactly("DKL9980");
  }

  @Test
  void unsafeFixesWhenAsked() {
    Fixer.Result r = fix("FROM a\nMAINTAINER me\nRUN echo hi\n", true);
    assertThat(r.text()).endsWith("RUN ECHO HI\n");
    assertThat(r.report().diagnostics()).isEmpty();
  }

  @Test
  void fixingIsIdempotent() {
    String once = fix("FROM a\nMAINTAINER me\nMAINTAINER you\nRUN x\n", true).text();
    Fixer.Result twice = fix(once, true);
    assertThat(twice.text()).isEqualTo(once);
    assertThat(twice.applied()).isZero();
  }
}
