package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration discovery and its effect, end to end through the command line. */
class ConfigCliTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  private static final String BAD = "FROM alpine:3.20\nMAINTAINER me\n";

  @Test
  void configAboveTheFileTurnsARuleOff() throws IOException {
    write("repo/.dockerlint.yaml", "ignore: [DL4000]\n");
    Path f = write("repo/svc/Dockerfile", BAD);
    CliRun r = CliRun.run(f.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("No problems");
  }

  @Test
  void eachFileGetsItsNearestConfig() throws IOException {
    write("repo/a/.dockerlint.yaml", "ignore: [DKL4000]\n");
    Path a = write("repo/a/Dockerfile", BAD);
    Path b = write("repo/b/Dockerfile", BAD);
    CliRun r = CliRun.run(a.toString(), b.toString());
    assertThat(r.out()).doesNotContain(a + ":2:1").contains(b + ":2:1");
  }

  @Test
  void explicitConfigIsUsedForEveryFile() throws IOException {
    write("repo/.dockerlint.yaml", "severity:\n  DKL4000: error\n");
    Path cfg = write("lint.yaml", "failure-threshold: error\n");
    Path f = write("repo/Dockerfile", BAD);
    assertThat(CliRun.run("--config", cfg.toString(), f.toString()).exit()).isZero();
    assertThat(CliRun.run(f.toString()).out()).contains("error DKL4000");
  }

  @Test
  void xdgConfigHomeIsRead() throws IOException {
    write("xdg/dockerlint/config.yaml", "ignore: [maintainer-deprecated]\n");
    Path f = write("repo/Dockerfile", BAD);
    Env env = new Env(Map.of("XDG_CONFIG_HOME", dir.resolve("xdg").toString()), false);
    assertThat(CliRun.runWithEnv(env, f.toString()).exit()).isZero();
  }

  @Test
  void hadolintConfigIsMappedWhenThereIsNoDockerlintConfig() throws IOException {
    write("repo/.hadolint.yaml", "override:\n  info: [DL4000]\nfailure-threshold: warning\n");
    Path f = write("repo/Dockerfile", BAD);
    CliRun r = CliRun.run(f.toString());
    assertThat(r.out()).contains("info DKL4000");
    assertThat(r.exit()).as("info is below the mapped warning threshold").isZero();
  }

  @Test
  void configThresholdAndNoFailApply() throws IOException {
    write("repo/.dockerlint.yaml", "no-fail: true\n");
    assertThat(CliRun.run(write("repo/Dockerfile", BAD).toString()).exit()).isZero();
  }

  @Test
  void commandLineThresholdWinsOverTheConfigs() throws IOException {
    write("repo/.dockerlint.yaml", "failure-threshold: error\n");
    Path f = write("repo/Dockerfile", BAD);
    assertThat(CliRun.run(f.toString()).exit()).isZero();
    assertThat(CliRun.run("--failure-threshold", "warning", f.toString()).exit()).isEqualTo(1);
  }

  @Test
  void configFormatIsTheDefaultFormat() throws IOException {
    Path cfg = write("lint.yaml", "format: gnu\n");
    Path f = write("repo/Dockerfile", BAD);
    assertThat(CliRun.run("-c", cfg.toString(), f.toString()).out())
        .startsWith(f + ":2.1-2.10: warning:");
  }

  @Test
  void configDisablesPragmas() throws IOException {
    write("repo/.dockerlint.yaml", "disable-ignore-pragma: true\n");
    Path f = write("repo/Dockerfile", "FROM a:1\n# dockerlint ignore=DKL4000\nMAINTAINER me\n");
    assertThat(CliRun.run(f.toString()).out()).contains("DKL4000");
  }

  @Test
  void malformedYamlIsOneLineNamingFileAndLine() throws IOException {
    Path cfg = write("repo/.dockerlint.yaml", "ignore: [DKL4000\nformat: tty\n");
    Path f = write("repo/Dockerfile", BAD);
    CliRun r = CliRun.run(f.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).startsWith("dockerlint: " + cfg + ":").contains("not valid YAML");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void wrongValueNamesTheKey() throws IOException {
    Path cfg = write("repo/.dockerlint.yaml", "ignore: []\nplatform: 42/\n");
    CliRun r = CliRun.run(write("repo/Dockerfile", BAD).toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo(
            "dockerlint: "
                + cfg
                + ":2: 'platform': invalid platform '42/' (expected os/arch[/variant])");
  }

  @Test
  void missingExplicitConfigIsAUsageError() throws IOException {
    CliRun r =
        CliRun.run(
            "--config", dir.resolve("nope.yaml").toString(), write("D/Dockerfile", BAD).toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip()).endsWith("nope.yaml: cannot read the configuration: no such file");
  }

  @Test
  void unknownRuleInConfigIsAWarningNotACrash() throws IOException {
    Path cfg = write("repo/.dockerlint.yaml", "ignore:\n  - DKL4000\n  - DKL9999\n");
    CliRun r = CliRun.run(write("repo/Dockerfile", BAD).toString());
    assertThat(r.exit()).isZero();
    assertThat(r.err().strip())
        .isEqualTo(
            "dockerlint: warning: "
                + cfg
                + ":3: unknown rule 'DKL9999' (see 'dockerlint rules'); ignored");
  }

  @Test
  void configExcludeSkipsPathsInFolderWalks() throws IOException {
    write("repo/.dockerlint.yaml", "exclude: [vendor/]\n");
    write("repo/Dockerfile", "FROM a:1\n");
    write("repo/vendor/lib/Dockerfile", BAD);
    CliRun r = CliRun.run(dir.resolve("repo").toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("in 1 file");
  }
}
