package dev.dockerlint.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.image.ImageMetadataSource;
import dev.dockerlint.registry.RuleRegistry;
import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.parity.MaintainerDeprecated;
import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.syntax.DockerfileReader;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LinterTest {

  @RuleInfo(code = "DKL9998", name = "always-throws", severity = Severity.ERROR, summary = "Throws")
  static final class Throwing implements Rule {
    @Override
    public void check(RuleContext ctx) {
      throw new IllegalStateException("boom");
    }
  }

  private static List<Diagnostic> lint(String text, Rule... rules) {
    return new Linter(new RuleRegistry(List.of(rules)))
        .lint("Dockerfile", text, BuildOptions.defaults(), Optional.empty())
        .diagnostics();
  }

  @Test
  void throwingRuleBecomesAnInternalErrorAndOtherRulesStillRun() {
    List<Diagnostic> ds =
        lint("FROM alpine\nMAINTAINER me\n", new Throwing(), new MaintainerDeprecated());
    assertThat(ds).extracting(d -> d.rule().code()).containsExactly("DKL0000", "DKL4000");
    assertThat(ds.get(0).message()).contains("DKL9998 always-throws", "boom");
  }

  @Test
  void pragmaAboveAnInstructionSuppressesItsCodeOnly() {
    String text =
        "FROM alpine\n# dockerlint ignore=DKL4000 legacy image\nMAINTAINER me\nMAINTAINER you\n";
    assertThat(lint(text, new MaintainerDeprecated()))
        .extracting(d -> d.range().start().line())
        .containsExactly(3);
  }

  @Test
  void hadolintPragmaWorksThroughAliases() {
    String text = "FROM alpine\n# hadolint ignore=DL3006,DL4000\nMAINTAINER me\n";
    assertThat(lint(text, new MaintainerDeprecated())).isEmpty();
  }

  @Test
  void globalPragmaCoversTheWholeFile() {
    String text =
        "FROM alpine\nMAINTAINER me\n# dockerlint global ignore=maintainer-deprecated\nMAINTAINER you\n";
    assertThat(lint(text, new MaintainerDeprecated())).isEmpty();
  }

  @Test
  void buildkitCheckDirectiveSkipsByCheckName() {
    assertThat(
            lint(
                "# check=skip=MaintainerDeprecated\nFROM alpine\nMAINTAINER me\n",
                new MaintainerDeprecated()))
        .isEmpty();
    assertThat(lint("# check=skip=all\nFROM alpine\nMAINTAINER me\n", new MaintainerDeprecated()))
        .isEmpty();
    assertThat(lint("# check=error=true\nFROM alpine\nMAINTAINER me\n", new MaintainerDeprecated()))
        .hasSize(1);
  }

  @Test
  void diagnosticsComeInSourceOrder() {
    List<Diagnostic> ds =
        lint("FROM alpine\nMAINTAINER b\nMAINTAINER a\n", new MaintainerDeprecated());
    assertThat(ds).extracting(d -> d.range().start().line()).containsExactly(1, 2);
  }

  @RuleInfo(
      code = "DKL9997",
      name = "off-by-default",
      severity = Severity.INFO,
      summary = "Reports every file",
      enabledByDefault = false)
  static final class OffByDefault implements Rule {
    @Override
    public void check(RuleContext ctx) {
      ctx.report(ctx.file().source().range(0, 0), "reported");
    }
  }

  @Test
  void selectionDecidesWhichRulesRunOnAParsedModel() {
    Linter linter =
        new Linter(new RuleRegistry(List.of(new OffByDefault(), new MaintainerDeprecated())));
    SemanticModel model =
        SemanticModel.of(
            DockerfileReader.parse("FROM alpine\nMAINTAINER me\n"), BuildOptions.defaults());
    List<Diagnostic> ds =
        linter
            .lint(
                "Dockerfile",
                model,
                Optional.empty(),
                ImageMetadataSource.none("t"),
                m -> m.code().equals("DKL9997"))
            .diagnostics();
    assertThat(ds).extracting(d -> d.rule().code()).containsExactly("DKL9997");
  }

  /**
   * Records the threads it ran on. With {@code AWAIT_SECOND_THREAD} set it holds its thread until a
   * second thread has run one of these rules too (for at most 10 s), so that a helper that starts
   * late under load still gets its turn and the test does not depend on timing.
   */
  abstract static class RecordsThread implements Rule {
    static final Set<String> THREADS = ConcurrentHashMap.newKeySet();
    static volatile boolean awaitSecondThread;

    @Override
    public void check(RuleContext ctx) {
      THREADS.add(Thread.currentThread().getName());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (awaitSecondThread && THREADS.size() < 2 && System.nanoTime() < deadline) {
        try {
          Thread.sleep(1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @RuleInfo(code = "DKL9991", name = "records-1", severity = Severity.INFO, summary = "Records")
  static final class Records1 extends RecordsThread {}

  @RuleInfo(code = "DKL9992", name = "records-2", severity = Severity.INFO, summary = "Records")
  static final class Records2 extends RecordsThread {}

  @RuleInfo(code = "DKL9993", name = "records-3", severity = Severity.INFO, summary = "Records")
  static final class Records3 extends RecordsThread {}

  @RuleInfo(code = "DKL9994", name = "records-4", severity = Severity.INFO, summary = "Records")
  static final class Records4 extends RecordsThread {}

  @Test
  void rulesRunOnHelperThreadsOnlyForLargeFiles() {
    ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(r, "helper"));
    try {
      Linter linter =
          new Linter(
                  new RuleRegistry(
                      List.of(new Records1(), new Records2(), new Records3(), new Records4())))
              .withRuleThreads(pool, 2);
      RecordsThread.THREADS.clear();
      linter.lint(
          "Dockerfile", "FROM alpine\nRUN true\n", BuildOptions.defaults(), Optional.empty());
      assertThat(RecordsThread.THREADS).containsExactly(caller());
      RecordsThread.THREADS.clear();
      RecordsThread.awaitSecondThread = true;
      String large = "FROM alpine\n" + "RUN true\n".repeat(Linter.HELPED_FROM);
      linter.lint("Dockerfile", large, BuildOptions.defaults(), Optional.empty());
      assertThat(RecordsThread.THREADS).containsExactlyInAnyOrder(caller(), "helper");
    } finally {
      RecordsThread.awaitSecondThread = false;
      pool.shutdownNow();
    }
  }

  private static String caller() {
    return Thread.currentThread().getName();
  }
}
