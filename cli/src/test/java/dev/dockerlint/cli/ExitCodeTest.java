package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.registry.RuleRegistry;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.parity.MaintainerDeprecated;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every exit code of the contract: 0, 1, 2, 3. */
class ExitCodeTest {
  @TempDir Path dir;

  @RuleInfo(code = "DKL9997", name = "throws-exception", severity = Severity.ERROR, summary = "t")
  static final class ThrowsException implements Rule {
    @Override
    public void check(RuleContext ctx) {
      throw new IllegalStateException("rule bug");
    }
  }

  @RuleInfo(code = "DKL9996", name = "throws-error", severity = Severity.ERROR, summary = "t")
  static final class ThrowsError implements Rule {
    @Override
    public void check(RuleContext ctx) {
      throw new AssertionError("engine bug");
    }
  }

  /** A rule that never ends on a file with a {@code # HANG} line (a lint bug). */
  @RuleInfo(code = "DKL9995", name = "hangs", severity = Severity.ERROR, summary = "t")
  static final class Hangs implements Rule {
    static final CountDownLatch RELEASED = new CountDownLatch(1);

    @Override
    public void check(RuleContext ctx) {
      if (ctx.input().file().source().text().contains("# HANG")) {
        try {
          RELEASED.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private String file(String text) throws IOException {
    Path p = dir.resolve("Dockerfile");
    Files.writeString(p, text);
    return p.toString();
  }

  @Test
  void zeroWhenClean() throws IOException {
    assertThat(CliRun.run(file("FROM alpine:3.20\n")).exit()).isEqualTo(0);
  }

  @Test
  void oneWithFindingsAtTheThreshold() throws IOException {
    assertThat(CliRun.run(file("FROM a:1\nMAINTAINER me\n")).exit()).isEqualTo(1);
    assertThat(CliRun.run("-t", "warning", file("FROM a:1\nMAINTAINER me\n")).exit()).isEqualTo(1);
  }

  @Test
  void zeroWithFindingsBelowTheThresholdOrNoFail() throws IOException {
    String f = file("FROM a:1\nMAINTAINER me\n");
    assertThat(CliRun.run("--failure-threshold", "error", f).exit()).isEqualTo(0);
    assertThat(CliRun.run("--failure-threshold", "none", f).exit()).isEqualTo(0);
    assertThat(CliRun.run("--no-fail", f).exit()).isEqualTo(0);
  }

  @Test
  void twoForUsageErrors() throws IOException {
    CliRun r = CliRun.run("--failure-threshold", "loud", file("FROM a:1\n"));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("dockerlint: unknown --failure-threshold 'loud'");
  }

  @Test
  void noFailStillReportsInputErrors() {
    assertThat(CliRun.run("--no-fail", dir.resolve("missing").toString()).exit()).isEqualTo(2);
  }

  @Test
  void threeWhenARuleFailsAndTheOthersStillRun() throws IOException {
    RuleRegistry rules =
        new RuleRegistry(List.of(new ThrowsException(), new MaintainerDeprecated()));
    CliRun r = CliRun.runWith(CliRun.QUIET, rules, "", file("FROM a:1\nMAINTAINER me\n"));
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.out()).contains("DKL0000 internal-error", "DKL4000");
  }

  @Test
  void threeForALintThatNeverEndsAndTheOtherFilesAreStillLinted() throws IOException {
    Path stuck = dir.resolve("stuck.Dockerfile");
    Files.writeString(stuck, "FROM a:1\n# HANG\n");
    Path other = dir.resolve("other.Dockerfile");
    Files.writeString(other, "FROM a:1\nMAINTAINER me\n");
    Path after = dir.resolve("z.Dockerfile");
    Files.writeString(after, "FROM b:1\nMAINTAINER you\n");
    RuleRegistry rules = new RuleRegistry(List.of(new Hangs(), new MaintainerDeprecated()));
    try {
      CliRun r =
          CliRun.runWith(
              CliRun.QUIET,
              rules,
              "",
              "--lint-timeout",
              "0.5",
              stuck.toString(),
              other.toString(),
              after.toString());
      assertThat(r.exit()).isEqualTo(3);
      assertThat(r.err().strip().lines())
          .containsExactly(
              "dockerlint: internal error: linting '"
                  + stuck
                  + "' did not end within 0.5 s (--lint-timeout) and was given up; please report"
                  + " it with the file");
      assertThat(r.out()).contains(other.toString(), after.toString(), "DKL4000");
    } finally {
      Hangs.RELEASED.countDown();
    }
  }

  @Test
  void aLintTimeoutIsAPositiveNumberOfSeconds() throws IOException {
    String f = file("FROM a:1\n");
    for (String bad : List.of("0", "-1", "soon")) {
      CliRun r = CliRun.run("--lint-timeout", bad, f);
      assertThat(r.exit()).as(bad).isEqualTo(2);
      assertThat(r.err()).as(bad).startsWith("dockerlint: ").contains("--lint-timeout");
    }
  }

  @Test
  void threeForACrashWithOneLineAndNoStackTrace() throws IOException {
    RuleRegistry rules = new RuleRegistry(List.of(new ThrowsError()));
    CliRun r = CliRun.runWith(CliRun.QUIET, rules, "", file("FROM a:1\n"));
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).startsWith("dockerlint: internal error:").doesNotContain("\tat ");
  }

  @Test
  void verboseShowsTheStackTrace() throws IOException {
    RuleRegistry rules = new RuleRegistry(List.of(new ThrowsError()));
    CliRun r = CliRun.runWith(CliRun.QUIET, rules, "", "--verbose", file("FROM a:1\n"));
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains("\tat ");
  }

  @Test
  void helpDocumentsTheExitCodesAndThreshold() {
    CliRun r = CliRun.run("--help");
    assertThat(r.out()).contains("Exit codes:", "0  no findings", "3  internal error");
    CliRun c = CliRun.run("check", "--help");
    assertThat(c.out()).contains("--failure-threshold", "--no-fail", "2  usage or configuration");
  }
}
