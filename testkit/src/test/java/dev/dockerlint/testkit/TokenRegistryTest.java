package dev.dockerlint.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The registry token flow, end to end: real registry, TokenServer, client and engine. */
@ExtendWith({DockerEngineExtension.class, TokenRegistryExtension.class, FixturesExtension.class})
class TokenRegistryTest {

  private static ImageTarball busybox(Fixtures fixtures) {
    return ImageTarball.builder()
        .layer(Layer.builder().copy("/bin/busybox", fixtures.busybox("amd64").file(), 0755).build())
        .entrypoint("/bin/busybox")
        .cmd("echo", "token")
        .build();
  }

  private static String repository() {
    return "dockerlint/token-" + UUID.randomUUID();
  }

  @Test
  void pushesAndReadsBackWithTokensFromTheRealm(TokenAuthRegistry token, Fixtures fixtures) {
    String repository = repository();

    Descriptor manifest =
        token.registry().pushImage(repository, "v1", busybox(fixtures), ManifestFormat.OCI);

    Registry.Response response = token.registry().getManifest(repository, "v1");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("docker-content-digest")).contains(manifest.digest().toString());
  }

  @Test
  void challengesAnonymousReadsWithItsRealmAndScope(TokenAuthRegistry token, Fixtures fixtures) {
    String repository = repository();
    token.registry().pushImage(repository, "v1", busybox(fixtures), ManifestFormat.OCI);

    Registry.Response response = token.registry().anonymously().getManifest(repository, "v1");

    String challenge = response.header("www-authenticate").orElse("");
    Observed.print("token registry 401 WWW-Authenticate", challenge);
    assertThat(response.status()).isEqualTo(401);
    assertThat(challenge)
        .startsWith("Bearer realm=\"" + token.realm() + "\"")
        .contains("scope=\"repository:" + repository + ":pull\"");
  }

  @Test
  void refusesATokenForWrongCredentials(TokenAuthRegistry token, Fixtures fixtures) {
    Registry wrong =
        Registry.withCredentials(token.registry().address(), "dockerlint", "wrong-password");

    assertThatThrownBy(
            () -> wrong.pushImage(repository(), "v1", busybox(fixtures), ManifestFormat.OCI))
        .hasMessageContaining("HTTP 401");
  }

  @Test
  void enginePullsThroughTheTokenFlowAfterLogin(
      DockerEngine docker, TokenAuthRegistry token, Fixtures fixtures) {
    String repository = repository();
    token.registry().pushImage(repository, "v1", busybox(fixtures), ManifestFormat.DOCKER);
    String reference = token.registry().reference(repository, "v1");

    ProcessRunner.Result anonymous = docker.pull(reference, Optional.empty());
    Registry.Credentials credentials = token.registry().credentials().orElseThrow();
    docker.login(token.registry().address(), credentials.user(), credentials.password());
    ProcessRunner.Result pull = docker.pull(reference, Optional.empty());
    Container.Result result = docker.container(reference).run();

    Observed.print("pull from token registry without login", anonymous.stderr());
    assertThat(anonymous.ok()).isFalse();
    assertThat(pull.ok()).as(pull.describe()).isTrue();
    assertThat(result.stdout()).as(result.output()).isEqualTo("token\n");
  }
}
