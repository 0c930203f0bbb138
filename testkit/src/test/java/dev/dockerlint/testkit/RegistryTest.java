package dev.dockerlint.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Pushes to the real loopback registries and reads back with HTTP, the CLI and the engine. */
@ExtendWith({DockerEngineExtension.class, RegistryExtension.class, FixturesExtension.class})
class RegistryTest {

  private static ImageTarball busyboxImage(Fixtures fixtures, String arch, Platform platform) {
    return ImageTarball.builder()
        .platform(platform)
        .layer(fixtures.busyboxLayer(arch))
        .entrypoint("/bin/busybox")
        .cmd("echo", arch)
        .build();
  }

  private static String repository() {
    return "dockerlint/test-" + UUID.randomUUID();
  }

  private static List<String> platforms(JsonNode index) {
    return index.path("manifests").findValues("platform").stream()
        .map(
            p ->
                p.path("os").asText()
                    + "/"
                    + p.path("architecture").asText()
                    + (p.has("variant") ? "/" + p.path("variant").asText() : ""))
        .toList();
  }

  @Test
  void twoPlatformIndexReadsBackOverHttp(TestRegistries registries, Fixtures fixtures) {
    Registry registry = registries.anonymous();
    String repository = repository();
    Descriptor index =
        registry.pushIndex(
            repository,
            "multi",
            ManifestFormat.OCI,
            List.of(
                Registry.IndexEntry.of(busyboxImage(fixtures, "amd64", Platform.LINUX_AMD64)),
                Registry.IndexEntry.of(busyboxImage(fixtures, "arm64", Platform.LINUX_ARM64))));

    Registry.Response response = registry.getManifest(repository, "multi");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("content-type")).contains(ManifestFormat.OCI.indexType());
    assertThat(response.header("docker-content-digest")).contains(index.digest().toString());
    assertThat(platforms(response.json())).containsExactly("linux/amd64", "linux/arm64/v8");
  }

  @Test
  void dockerManifestInspectReadsTheManifestList(
      DockerEngine docker, TestRegistries registries, Fixtures fixtures) {
    Registry registry = registries.anonymous();
    String repository = repository();
    registry.pushIndex(
        repository,
        "multi",
        ManifestFormat.DOCKER,
        List.of(
            Registry.IndexEntry.of(busyboxImage(fixtures, "amd64", Platform.LINUX_AMD64)),
            Registry.IndexEntry.of(busyboxImage(fixtures, "arm64", Platform.LINUX_ARM64))));

    ProcessRunner.Result inspect =
        docker.docker(
            DockerEngine.SHORT,
            "manifest",
            "inspect",
            "--insecure",
            registry.reference(repository, "multi"));

    assertThat(inspect.ok()).as(inspect.describe()).isTrue();
    JsonNode json = Json.parse(inspect.stdout().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(json.path("mediaType").asText()).isEqualTo(ManifestFormat.DOCKER.indexType());
    assertThat(platforms(json)).containsExactly("linux/amd64", "linux/arm64/v8");
  }

  @Test
  void engineRunsTheIndexEntryOfItsPlatform(
      DockerEngine docker, TestRegistries registries, Fixtures fixtures) {
    Registry registry = registries.anonymous();
    String repository = repository();
    registry.pushIndex(
        repository,
        "multi",
        ManifestFormat.OCI,
        List.of(
            Registry.IndexEntry.of(busyboxImage(fixtures, "arm64", Platform.LINUX_ARM64)),
            Registry.IndexEntry.of(busyboxImage(fixtures, "amd64", Platform.LINUX_AMD64))));
    String reference = registry.reference(repository, "multi");

    ProcessRunner.Result pull = docker.pull(reference, Optional.empty());
    Container.Result result = docker.container(reference).run();

    assertThat(pull.ok()).as(pull.describe()).isTrue();
    assertThat(result.stdout()).as(result.output()).isEqualTo("amd64\n");
  }

  @Test
  void pulledArm64EntryFailsWithExecFormatError(
      DockerEngine docker, TestRegistries registries, Fixtures fixtures) {
    Registry registry = registries.anonymous();
    String repository = repository();
    registry.pushIndex(
        repository,
        "multi",
        ManifestFormat.OCI,
        List.of(
            Registry.IndexEntry.of(busyboxImage(fixtures, "amd64", Platform.LINUX_AMD64)),
            Registry.IndexEntry.of(busyboxImage(fixtures, "arm64", Platform.LINUX_ARM64))));
    String reference = registry.reference(repository, "multi");

    ProcessRunner.Result pull = docker.pull(reference, Optional.of(Platform.LINUX_ARM64));
    Container.Result result = docker.container(reference).run();

    assertThat(pull.ok()).as(pull.describe()).isTrue();
    Observed.print("pulled --platform linux/arm64, run on amd64", result);
    assertThat(result.stderr()).contains("exec /bin/busybox: exec format error");
  }

  @Test
  void indexEntryCanClaimAnotherPlatformThanItsImage(
      DockerEngine docker, TestRegistries registries, Fixtures fixtures) {
    Registry registry = registries.anonymous();
    String repository = repository();
    ImageTarball arm64Binary = busyboxImage(fixtures, "arm64", Platform.LINUX_AMD64);
    registry.pushIndex(
        repository,
        "liar",
        ManifestFormat.OCI,
        List.of(new Registry.IndexEntry(arm64Binary, Platform.LINUX_AMD64)));
    String reference = registry.reference(repository, "liar");

    ProcessRunner.Result pull = docker.pull(reference, Optional.empty());
    Container.Result result = docker.container(reference).run();

    assertThat(pull.ok()).as(pull.describe()).isTrue();
    assertThat(result.stderr()).contains("exec format error");
  }

  @Test
  void ociLayoutPushesAndRuns(
      DockerEngine docker, TestRegistries registries, Fixtures fixtures, @TempDir Path dir) {
    Registry registry = registries.anonymous();
    String repository = repository();
    busyboxImage(fixtures, "amd64", Platform.LINUX_AMD64).writeOciLayout(dir);

    registry.pushOciLayout(dir, repository, "layout");
    String reference = registry.reference(repository, "layout");
    ProcessRunner.Result pull = docker.pull(reference, Optional.empty());
    Container.Result result = docker.container(reference).run();

    assertThat(pull.ok()).as(pull.describe()).isTrue();
    assertThat(result.stdout()).as(result.output()).isEqualTo("amd64\n");
  }

  @Test
  void authRegistryTakesPushesWithCredentials(TestRegistries registries, Fixtures fixtures) {
    Registry registry = registries.authenticated();
    String repository = repository();

    Descriptor manifest =
        registry.pushImage(
            repository,
            "v1",
            busyboxImage(fixtures, "amd64", Platform.LINUX_AMD64),
            ManifestFormat.DOCKER);

    Registry.Response response = registry.getManifest(repository, "v1");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("docker-content-digest")).contains(manifest.digest().toString());
  }

  @Test
  void authRegistryAnswersUnauthenticatedGetWith401(TestRegistries registries, Fixtures fixtures) {
    String repository = repository();
    registries
        .authenticated()
        .pushImage(
            repository,
            "v1",
            busyboxImage(fixtures, "amd64", Platform.LINUX_AMD64),
            ManifestFormat.DOCKER);

    Registry.Response response =
        registries.authenticated().anonymously().getManifest(repository, "v1");

    assertThat(response.status()).isEqualTo(401);
    Observed.print("registry 401 WWW-Authenticate", response.header("www-authenticate").orElse(""));
    assertThat(response.header("www-authenticate"))
        .hasValueSatisfying(h -> assertThat(h).startsWith("Basic realm="));
  }

  @Test
  void enginePullsFromAuthRegistryOnlyAfterLogin(
      DockerEngine docker, TestRegistries registries, Fixtures fixtures) {
    Registry registry = registries.authenticated();
    String repository = repository();
    registry.pushImage(
        repository,
        "v1",
        busyboxImage(fixtures, "amd64", Platform.LINUX_AMD64),
        ManifestFormat.DOCKER);
    String reference = registry.reference(repository, "v1");

    ProcessRunner.Result anonymous = docker.pull(reference, Optional.empty());
    Registry.Credentials credentials = registry.credentials().orElseThrow();
    docker.login(registry.address(), credentials.user(), credentials.password());
    ProcessRunner.Result authenticated = docker.pull(reference, Optional.empty());

    Observed.print("pull from auth registry without login", anonymous.stderr());
    assertThat(anonymous.ok()).isFalse();
    assertThat(anonymous.stderr()).contains("no basic auth credentials");
    assertThat(authenticated.ok()).as(authenticated.describe()).isTrue();
  }
}
