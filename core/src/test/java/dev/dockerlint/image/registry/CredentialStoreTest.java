package dev.dockerlint.image.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialStoreTest {
  @TempDir Path tmp;

  private static String auth(String user, String secret) {
    return Base64.getEncoder()
        .encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  private Path helper(String name, String script) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("bin"));
    Path h = dir.resolve("docker-credential-" + name);
    Files.writeString(h, "#!/bin/sh\n" + script);
    h.toFile().setExecutable(true);
    return dir;
  }

  @Test
  void dockerHubCredentialsAreFoundUnderTheIndexKey() throws IOException {
    Path config = tmp.resolve("config.json");
    Files.writeString(
        config,
        "{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"" + auth("me", "pw") + "\"}}}");
    CredentialStore s = CredentialStore.fromConfigFile(config);
    assertThat(s.lookup("docker.io")).contains(new Credentials("me", "pw"));
    assertThat(s.lookup("ghcr.io")).isEmpty();
  }

  @Test
  void theCredsStoreIsAskedWithTheServerUrlAndACredHelperWinsForItsRegistry() throws IOException {
    Path bin =
        helper(
            "store",
            "read s\nprintf '{\"ServerURL\":\"%s\",\"Username\":\"store-user\",\"Secret\":\"s1\"}' \"$s\"\n");
    helper("special", "read s\nprintf '{\"Username\":\"special-user\",\"Secret\":\"s2\"}'\n");
    Path config = tmp.resolve("config.json");
    Files.writeString(
        config,
        "{\"credsStore\":\"store\",\"credHelpers\":{\"registry.example.com\":\"special\"}}");
    CredentialStore s = CredentialStore.fromConfigFile(config, Optional.of(bin));
    assertThat(s.lookup("docker.io")).contains(new Credentials("store-user", "s1"));
    assertThat(s.lookup("registry.example.com")).contains(new Credentials("special-user", "s2"));
  }

  @Test
  void aFailingHelperFallsBackToAuthsAndTokensAreNotPasswords() throws IOException {
    Path bin = helper("broken", "exit 1\n");
    helper("token", "printf '{\"Username\":\"<token>\",\"Secret\":\"refresh\"}'\n");
    Path config = tmp.resolve("config.json");
    Files.writeString(
        config,
        "{\"credsStore\":\"broken\",\"credHelpers\":{\"t.example.com\":\"token\"},"
            + "\"auths\":{\"r.example.com:5000\":{\"auth\":\""
            + auth("u", "p")
            + "\"}}}");
    CredentialStore s = CredentialStore.fromConfigFile(config, Optional.of(bin));
    assertThat(s.lookup("r.example.com:5000")).contains(new Credentials("u", "p"));
    assertThat(s.lookup("t.example.com")).isEmpty();
  }

  @Test
  void credentialsNeverPrintTheirSecret() {
    assertThat(new Credentials("u", "hunter2").toString()).doesNotContain("hunter2");
  }
}
