package dev.dockerlint.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockerlint.registry.RuleRegistry;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.semantic.Platform;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
  static final Path FILE = Path.of("repo/.dockerlint.yaml");
  static final Path HADOLINT = Path.of("repo/.hadolint.yaml");

  static Config dockerlint(String yaml) {
    return ConfigLoader.parse(yaml, FILE, Config.Dialect.DOCKERLINT);
  }

  static Config hadolint(String yaml) {
    return ConfigLoader.parse(yaml, HADOLINT, Config.Dialect.HADOLINT);
  }

  @Test
  void readsEveryDockerlintKey() {
    Config c =
        dockerlint(
            """
            ignore: [DKL0003, maintainer-deprecated]
            severity:
              DL4000: error
              DKL0001: off
            failure-threshold: warning
            platform: linux/arm64
            build-args:
              VERSION: "1.2"
            trusted-registries: [docker.io, ghcr.io]
            label-schema:
              maintainer: email
            strict-labels: true
            image-source: registry
            offline: true
            insecure-registries: [registry.lan:5000, 127.0.0.1]
            image-files-max-bytes: 2G
            format: sarif
            exclude: [vendor/]
            disable-ignore-pragma: true
            no-fail: true
            """);
    assertThat(c.ignore())
        .extracting(RuleRef::id)
        .containsExactly("DKL0003", "maintainer-deprecated", "DKL0001");
    assertThat(c.severity()).containsEntry(new RuleRef("DL4000", 3), Severity.ERROR);
    assertThat(c.failureThreshold())
        .contains(new FailureThreshold(java.util.Optional.of(Severity.WARNING)));
    assertThat(c.platform()).contains(Platform.LINUX_ARM64);
    assertThat(c.buildArgs()).containsExactly(Map.entry("VERSION", "1.2"));
    assertThat(c.trustedRegistries()).containsExactly("docker.io", "ghcr.io");
    assertThat(c.labelSchema()).containsExactly(Map.entry("maintainer", "email"));
    assertThat(c.strictLabels()).isTrue();
    assertThat(c.imageSource()).contains("registry");
    assertThat(c.offline()).contains(true);
    assertThat(c.insecureRegistries()).containsExactly("registry.lan:5000", "127.0.0.1");
    assertThat(c.imageFilesMaxBytes()).contains(2L << 30);
    assertThat(c.format()).contains("sarif");
    assertThat(c.exclude()).containsExactly("vendor/");
    assertThat(c.disableIgnorePragma()).isTrue();
    assertThat(c.noFail()).isTrue();
    assertThat(c.source()).contains(FILE);
  }

  @Test
  void emptyFileIsEveryDefault() {
    Config c = dockerlint("# nothing yet\n");
    assertThat(c.ignore()).isEmpty();
    assertThat(c.failureThreshold()).isEmpty();
  }

  @Test
  void malformedYamlNamesFileAndLine() {
    assertThatThrownBy(() -> dockerlint("ignore: [DKL0003\nformat: tty\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(FILE + ":")
        .hasMessageContaining("not valid YAML")
        .satisfies(e -> assertThat(((ConfigException) e).line()).isPositive());
  }

  @Test
  void wrongValueNamesFileLineAndKey() {
    assertThatThrownBy(() -> dockerlint("ignore: []\nfailure-threshold: eror\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            FILE
                + ":2: 'failure-threshold': unknown level 'eror' (expected error, warning, info,"
                + " style or none)");
  }

  @Test
  void unknownKeyIsAnErrorInADockerlintFile() {
    assertThatThrownBy(() -> dockerlint("ignored: [DKL0003]\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(FILE + ":1: 'ignored': unknown key");
  }

  @Test
  void wrongTypeIsAnError() {
    assertThatThrownBy(() -> dockerlint("severity: [DKL0003]\n"))
        .hasMessageStartingWith(FILE + ":1: 'severity': expected a mapping");
    assertThatThrownBy(() -> dockerlint("offline: maybe\n"))
        .hasMessage(FILE + ":1: 'offline': expected true or false, not 'maybe'");
    assertThatThrownBy(() -> dockerlint("image-ignore:\n  - {rules: [DKL1600], where: x}\n"))
        .hasMessage(
            FILE + ":2: 'image-ignore.where': unknown key (expected rules, images or paths)");
    assertThatThrownBy(() -> dockerlint("image-ignore:\n  - {}\n"))
        .hasMessage(FILE + ":2: 'image-ignore': an entry needs rules, images or paths");
    assertThatThrownBy(() -> dockerlint("image-files-max-bytes: lots\n"))
        .hasMessage(
            FILE
                + ":1: 'image-files-max-bytes': invalid size 'lots' (expected bytes, e.g. 500M or 2G)");
    assertThatThrownBy(() -> dockerlint("severity:\n  DKL0003: loud\n"))
        .hasMessageStartingWith(FILE + ":2: 'severity.DKL0003': unknown severity 'loud'");
    assertThatThrownBy(() -> dockerlint("platform: linux//\n"))
        .hasMessageStartingWith(FILE + ":1: 'platform': invalid platform");
    assertThatThrownBy(() -> dockerlint("format: xml\n"))
        .hasMessageStartingWith(FILE + ":1: 'format': unknown format 'xml'");
    assertThatThrownBy(() -> dockerlint("- a\n- b\n"))
        .hasMessageContaining("expected a mapping of keys to values");
  }

  @Test
  void unknownRuleIdsAreWarningsWithTheirLine() {
    Config c = dockerlint("ignore:\n  - DKL0003\n  - DKL9999\nseverity:\n  nope: error\n");
    assertThat(c.allWarnings(RuleRegistry.builtIn()))
        .extracting(ConfigWarning::toString)
        .containsExactly(
            FILE + ":3: unknown rule 'DKL9999' (see 'dockerlint rules'); ignored",
            FILE + ":5: unknown rule 'nope' (see 'dockerlint rules'); ignored");
  }

  @Test
  void mapsHadolintKeysAndCodes() {
    Config c =
        hadolint(
            """
            failure-threshold: error
            ignored:
              - DL4000
              - DL3008
            override:
              error: [DL3003]
              info:
                - NoEmptyContinuation
            trustedRegistries:
              - my-company.com:500
            label-schema:
              author: text
              version: semver
            strict-labels: true
            no-color: true
            format: gitlab_codeclimate
            """);
    assertThat(c.dialect()).isEqualTo(Config.Dialect.HADOLINT);
    assertThat(c.ignores(RuleRegistry.builtIn().find("DKL4000").orElseThrow())).isTrue();
    assertThat(c.severity().values()).containsExactly(Severity.ERROR, Severity.INFO);
    assertThat(c.failureThreshold())
        .contains(new FailureThreshold(java.util.Optional.of(Severity.ERROR)));
    assertThat(c.trustedRegistries()).containsExactly("my-company.com:500");
    assertThat(c.labelSchema()).containsKeys("author", "version");
    assertThat(c.strictLabels()).isTrue();
    assertThat(c.format()).contains("gitlab");
    assertThat(c.allWarnings(RuleRegistry.builtIn()))
        .as("hadolint codes dockerlint lacks (DL3008, DL3003) are not unknown")
        .isEmpty();
  }

  @Test
  void unknownHadolintKeyIsAWarningNotAnError() {
    Config c = hadolint("ignored: [DL3008]\nsomething-new: 1\nformat: codacy\n");
    assertThat(c.warnings())
        .extracting(ConfigWarning::toString)
        .containsExactly(
            HADOLINT + ":2: unknown hadolint key 'something-new'; ignored",
            HADOLINT + ":3: format 'codacy' has no dockerlint equivalent; ignored");
  }

  @Test
  void buildSettingsGoUnderTheCommandLines() {
    Config c = dockerlint("platform: linux/arm64\nbuild-args:\n  A: config\n  B: config\n");
    BuildOptions o = c.applyTo(BuildOptions.defaults().withBuildArgs(Map.of("B", "cli")));
    assertThat(o.targetPlatform()).isEqualTo(Platform.LINUX_ARM64);
    assertThat(o.buildArgs()).containsEntry("A", "config").containsEntry("B", "cli");
  }

  @Test
  void severityOverrideMatchesAliases() {
    Config c = dockerlint("severity:\n  MaintainerDeprecated: style\n");
    var d =
        new dev.dockerlint.engine.Linter(RuleRegistry.builtIn(), c)
            .lint(
                "Dockerfile",
                "FROM a:1\nMAINTAINER b\n",
                BuildOptions.defaults(),
                java.util.Optional.empty())
            .diagnostics();
    assertThat(d).extracting(x -> x.severity()).containsExactly(Severity.STYLE);
  }
}
