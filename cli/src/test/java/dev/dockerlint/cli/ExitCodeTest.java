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
