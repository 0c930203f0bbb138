package dev.dockerlint.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFinderTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  private ConfigFinder finder() {
    return ConfigFinder.fromEnvironment(
        Optional.empty(), Map.of("XDG_CONFIG_HOME", dir.resolve("xdg").toString()));
  }

  @Test
  void theNearestConfigAboveTheFileWins() throws IOException {
    Path outer = write("repo/.dockerlint.yaml", "format: json\n");
    Path inner = write("repo/svc/.dockerlint.yml", "format: gnu\n");
    write("repo/svc/deep/Dockerfile", "FROM a\n");
    assertThat(finder().forFile(dir.resolve("repo/svc/deep/Dockerfile")).source()).contains(inner);
    assertThat(finder().forFile(dir.resolve("repo/other/Dockerfile")).source()).contains(outer);
  }

  @Test
  void anExplicitConfigWinsOverDiscovery() throws IOException {
    write("repo/.dockerlint.yaml", "format: json\n");
    Path explicit = write("elsewhere/lint.yaml", "format: gnu\n");
    ConfigFinder f = new ConfigFinder(Optional.of(explicit), Optional.empty());
    assertThat(f.forFile(dir.resolve("repo/Dockerfile")).format()).contains("gnu");
  }

  @Test
  void xdgConfigHomeIsUsedWhenNothingIsAbove() throws IOException {
    Path xdg = write("xdg/dockerlint/config.yaml", "format: junit\n");
    assertThat(finder().forFile(dir.resolve("repo/Dockerfile")).source()).contains(xdg);
  }

  @Test
  void homeDotConfigIsTheDefaultXdgConfigHome() throws IOException {
    Path cfg = write("home/.config/dockerlint/config.yaml", "format: junit\n");
    ConfigFinder f =
        ConfigFinder.fromEnvironment(
            Optional.empty(), Map.of("HOME", dir.resolve("home").toString()));
    assertThat(f.forFile(dir.resolve("repo/Dockerfile")).source()).contains(cfg);
  }

  @Test
  void hadolintConfigIsReadOnlyWithoutAnyDockerlintConfig() throws IOException {
    Path hadolint = write("repo/svc/.hadolint.yaml", "ignored: [DL4000]\n");
    assertThat(finder().forFile(dir.resolve("repo/svc/Dockerfile")).dialect())
        .isEqualTo(Config.Dialect.HADOLINT);
    assertThat(finder().forFile(dir.resolve("repo/svc/Dockerfile")).source()).contains(hadolint);
    Path dockerlint = write("repo/.dockerlint.yaml", "ignore: [DKL4000]\n");
    assertThat(finder().forFile(dir.resolve("repo/svc/Dockerfile")).source())
        .as("a dockerlint config further up still wins over a nearer hadolint one")
        .contains(dockerlint);
  }

  @Test
  void xdgHadolintConfigIsTheLastResort() throws IOException {
    Path h = write("xdg/hadolint.yaml", "ignored: [DL4000]\n");
    assertThat(finder().forFile(dir.resolve("repo/Dockerfile")).source()).contains(h);
  }

  @Test
  void noConfigAnywhereIsEveryDefault() {
    assertThat(finder().forFile(dir.resolve("repo/Dockerfile"))).isEqualTo(Config.none());
  }
}
