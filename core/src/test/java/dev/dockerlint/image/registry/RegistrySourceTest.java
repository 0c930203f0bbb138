package dev.dockerlint.image.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.filefacts.FileKind;
import dev.dockerlint.image.FileEntry;
import dev.dockerlint.image.HandClock;
import dev.dockerlint.image.ImageInfo;
import dev.dockerlint.image.Lookup;
import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.Platform;
import dev.dockerlint.testkit.Descriptor;
import dev.dockerlint.testkit.Fixtures;
import dev.dockerlint.testkit.FixturesExtension;
import dev.dockerlint.testkit.ImageTarball;
import dev.dockerlint.testkit.Layer;
import dev.dockerlint.testkit.ManifestFormat;
import dev.dockerlint.testkit.Registry;
import dev.dockerlint.testkit.RegistryExtension;
import dev.dockerlint.testkit.TestRegistries;
import dev.dockerlint.testkit.TokenAuthRegistry;
import dev.dockerlint.testkit.TokenRegistryExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith({RegistryExtension.class, TokenRegistryExtension.class, FixturesExtension.class})
class RegistrySourceTest {
  private static final dev.dockerlint.testkit.Platform TK_ARM64 =
      dev.dockerlint.testkit.Platform.LINUX_ARM64;
  private static final dev.dockerlint.testkit.Platform TK_AMD64 =
      dev.dockerlint.testkit.Platform.LINUX_AMD64;

  @TempDir Path tmp;

  private static String repo() {
    return "dockerlint-test/r" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static ImageRef ref(Registry r, String repo, String tag) {
    return ImageRef.parse(r.reference(repo, tag)).orElseThrow();
  }

  private static RegistrySource anonymousSource() {
    return new RegistrySource(RegistrySettings.defaults().withCredentials(CredentialStore.none()));
  }

  private static ImageTarball image(Fixtures f, String arch, dev.dockerlint.testkit.Platform p) {
    return ImageTarball.builder()
        .platform(p)
        .layer(f.busyboxLayer(arch))
        .layer(
            Layer.builder()
                .file("/entrypoint.sh", "#!/bin/bash\necho hi\n", 0755)
                .symlink("/usr/bin/env", "/bin/busybox")
                .build())
        .env("PATH", "/usr/bin:/bin")
        .entrypoint("/entrypoint.sh")
        .cmd("serve", "--port", "80")
        .user("1000:1000")
        .workingDir("/app")
        .shell("/bin/ash", "-c")
        .label("org.example", "yes")
        .build();
  }

  @Test
  void readsConfigPlatformAndDigestOfASinglePlatformImage(TestRegistries regs, Fixtures f) {
    Registry r = regs.anonymous();
    String repo = repo();
    ImageTarball img = image(f, "amd64", TK_AMD64);
    Descriptor d = r.pushImage(repo, "v1", img, ManifestFormat.OCI);
    Lookup l = anonymousSource().lookup(ref(r, repo, "v1"), Platform.LINUX_AMD64, false);
    ImageInfo info = ((Lookup.Found) l).image();
    assertThat(info.digest()).contains(d.digest().toString());
    assertThat(info.imageId()).contains(img.id().toString());
    assertThat(info.platform()).isEqualTo(Platform.LINUX_AMD64);
    assertThat(info.availablePlatforms()).isEmpty();
    assertThat(info.config().envMap()).containsEntry("PATH", "/usr/bin:/bin");
    assertThat(info.config().entrypoint()).contains(List.of("/entrypoint.sh"));
    assertThat(info.config().cmd()).contains(List.of("serve", "--port", "80"));
    assertThat(info.config().shell()).contains(List.of("/bin/ash", "-c"));
    assertThat(info.config().user()).contains("1000:1000");
    assertThat(info.config().workingDir()).contains("/app");
    assertThat(info.config().labels()).containsEntry("org.example", "yes");
    assertThat(info.files()).isEmpty();
  }

  @Test
  void readsTheFileIndexWithElfFactsWhenFilesAreAsked(TestRegistries regs, Fixtures f) {
    Registry r = regs.anonymous();
    String repo = repo();
    r.pushImage(repo, "v1", image(f, "arm64", TK_ARM64), ManifestFormat.DOCKER);
    Lookup l = anonymousSource().lookup(ref(r, repo, "v1"), Platform.LINUX_ARM64, true);
    ImageInfo info = ((Lookup.Found) l).image();
    var files = info.files().orElseThrow();
    FileEntry sh = files.resolve("/bin/sh").orElseThrow();
    assertThat(sh.path()).isEqualTo("/bin/busybox");
    assertThat(sh.facts().orElseThrow().kind()).isEqualTo(FileKind.ELF);
    assertThat(sh.facts().orElseThrow().elf().orElseThrow().architecture()).contains("arm64");
    assertThat(files.get("/entrypoint.sh").orElseThrow().facts().orElseThrow().shebang())
        .hasValueSatisfying(s -> assertThat(s.interpreter()).isEqualTo("/bin/bash"));
  }

  @Test
  void picksTheIndexEntryForThePlatformAndListsTheOthers(TestRegistries regs, Fixtures f) {
    Registry r = regs.anonymous();
    String repo = repo();
    ImageTarball amd = image(f, "amd64", TK_AMD64);
    ImageTarball arm = image(f, "arm64", TK_ARM64);
    Descriptor idx =
        r.pushIndex(
            repo,
            "multi",
            ManifestFormat.OCI,
            List.of(Registry.IndexEntry.of(amd), Registry.IndexEntry.of(arm)));
    RegistrySource src = anonymousSource();
    ImageInfo onArm =
        ((Lookup.Found) src.lookup(ref(r, repo, "multi"), Platform.LINUX_ARM64, false)).image();
    assertThat(onArm.platform()).isEqualTo(Platform.LINUX_ARM64);
    assertThat(onArm.imageId()).contains(arm.id().toString());
    assertThat(onArm.digest()).contains(idx.digest().toString());
    assertThat(onArm.availablePlatforms())
        .containsExactly(Platform.LINUX_AMD64, Platform.LINUX_ARM64);
    Lookup s390 = src.lookup(ref(r, repo, "multi"), new Platform("linux", "s390x"), false);
    assertThat(s390).isInstanceOf(Lookup.NotFound.class);
    assertThat(((Lookup.NotFound) s390).availablePlatforms()).hasSize(2);
    assertThat(((Lookup.NotFound) s390).reason()).contains("offers no variant for linux/s390x");
  }

  @Test
  void aMissingTagIsNotFound(TestRegistries regs) {
    Registry r = regs.anonymous();
    Lookup l = anonymousSource().lookup(ref(r, repo(), "nope"), Platform.LINUX_AMD64, false);
    assertThat(l).isInstanceOf(Lookup.NotFound.class);
  }

  @Test
  void aDigestReferenceIsVerified(TestRegistries regs, Fixtures f) {
    Registry r = regs.anonymous();
    String repo = repo();
    Descriptor d = r.pushImage(repo, "v1", image(f, "amd64", TK_AMD64), ManifestFormat.OCI);
    ImageRef byDigest = ImageRef.parse(r.reference(repo, d.digest())).orElseThrow();
    assertThat(anonymousSource().lookup(byDigest, Platform.LINUX_AMD64, false))
        .isInstanceOf(Lookup.Found.class);
  }

  @Test
  void basicAuthRegistryNeedsCredentialsFromDockerConfig(TestRegistries regs, Fixtures f)
      throws IOException {
    Registry r = regs.authenticated();
    String repo = repo();
    r.pushImage(repo, "v1", image(f, "amd64", TK_AMD64), ManifestFormat.OCI);
    Lookup anon = anonymousSource().lookup(ref(r, repo, "v1"), Platform.LINUX_AMD64, false);
    assertThat(anon).isInstanceOf(Lookup.Unavailable.class);
    assertThat(((Lookup.Unavailable) anon).reason())
        .contains("requires credentials")
        .contains("docker login " + r.address());
    Registry.Credentials c = r.credentials().orElseThrow();
    Path config = dockerConfig(r.address(), c.user(), c.password());
    RegistrySource withCreds =
        new RegistrySource(
            RegistrySettings.defaults().withCredentials(CredentialStore.fromConfigFile(config)));
    assertThat(withCreds.lookup(ref(r, repo, "v1"), Platform.LINUX_AMD64, true))
        .isInstanceOf(Lookup.Found.class);
  }

  @Test
  void wrongCredentialsAreReportedWithoutShowingThem(TestRegistries regs, Fixtures f)
      throws IOException {
    Registry r = regs.authenticated();
    String repo = repo();
    r.pushImage(repo, "v1", image(f, "amd64", TK_AMD64), ManifestFormat.OCI);
    Path config = dockerConfig(r.address(), "someone", "s3cret-password");
    RegistrySource src =
        new RegistrySource(
            RegistrySettings.defaults().withCredentials(CredentialStore.fromConfigFile(config)));
    Lookup l = src.lookup(ref(r, repo, "v1"), Platform.LINUX_AMD64, false);
    String reason = ((Lookup.Unavailable) l).reason();
    assertThat(reason).contains("stored credentials").doesNotContain("s3cret-password");
  }

  @Test
  void tokenRegistryWorksThroughTheBearerFlowWithACredentialHelper(
      TokenAuthRegistry token, Fixtures f) throws IOException {
    Registry r = token.registry();
    String repo = repo();
    r.pushImage(repo, "v1", image(f, "amd64", TK_AMD64), ManifestFormat.OCI);
    Registry.Credentials c = r.credentials().orElseThrow();
    Path helpers = Files.createDirectories(tmp.resolve("bin"));
    Path helper = helpers.resolve("docker-credential-dltest");
    Files.writeString(
        helper,
        "#!/bin/sh\nread server\n[ \"$server\" = \""
            + r.address()
            + "\" ] || exit 1\nprintf '{\"ServerURL\":\"%s\",\"Username\":\""
            + c.user()
            + "\",\"Secret\":\""
            + c.password()
            + "\"}' \"$server\"\n");
    helper.toFile().setExecutable(true);
    Path config = tmp.resolve("config.json");
    Files.writeString(config, "{\"credHelpers\":{\"" + r.address() + "\":\"dltest\"}}");
    RegistrySource src =
        new RegistrySource(
            RegistrySettings.defaults()
                .withCredentials(CredentialStore.fromConfigFile(config, Optional.of(helpers))));
    Lookup l = src.lookup(ref(r, repo, "v1"), Platform.LINUX_AMD64, true);
    assertThat(l).isInstanceOf(Lookup.Found.class);
    Lookup anon = anonymousSource().lookup(ref(r, repo, "v1"), Platform.LINUX_AMD64, false);
    assertThat(((Lookup.Unavailable) anon).reason()).contains("refused").contains("docker login");
  }

  @Test
  void aRegistryThatIsNotThereIsUnavailableQuickly() {
    long t0 = System.nanoTime();
    Lookup l =
        anonymousSource()
            .lookup(ImageRef.parse("127.0.0.1:1/x/y:1").orElseThrow(), Platform.LINUX_AMD64, false);
    assertThat(((Lookup.Unavailable) l).reason()).contains("connection refused");
    assertThat(System.nanoTime() - t0).isLessThan(5_000_000_000L);
  }

  @Test
  void anUnreachableHostIsNotAskedAgainForAWhile() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    HandClock clock = new HandClock();
    RegistrySource src =
        new RegistrySource(
            RegistrySettings.defaults().withCredentials(CredentialStore.none()), clock);
    ImageRef first = ImageRef.parse("127.0.0.1:" + port + "/x/y:1").orElseThrow();
    ImageRef second = ImageRef.parse("127.0.0.1:" + port + "/x/z:2").orElseThrow();

    Lookup refused = src.lookup(first, Platform.LINUX_AMD64, false);
    assertThat(((Lookup.Unavailable) refused).reason()).contains("connection refused");

    // something listens there now; within the memory's life the host is not asked
    Thread asker = new Thread(() -> src.lookup(second, Platform.LINUX_AMD64, false), "asker");
    try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
      server.setSoTimeout(200);
      clock.advance(RegistryClient.UNREACHABLE_FOR.minusSeconds(1));
      Lookup remembered = src.lookup(second, Platform.LINUX_AMD64, false);
      assertThat(remembered).isEqualTo(refused);
      assertThat(accepted(server)).as("connections while remembered").isFalse();

      // after it, the host is tried again
      clock.advance(Duration.ofSeconds(2));
      asker.start();
      server.setSoTimeout(5_000);
      assertThat(accepted(server)).as("connection after the memory's life").isTrue();
    }
    asker.join(10_000);
  }

  /** Whether a client connects to {@code server} before its accept timeout. */
  private static boolean accepted(ServerSocket server) throws IOException {
    try (Socket s = server.accept()) {
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    }
  }

  private Path dockerConfig(String address, String user, String password) throws IOException {
    String auth =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    Path config = tmp.resolve("config-" + UUID.randomUUID() + ".json");
    Files.writeString(config, "{\"auths\":{\"" + address + "\":{\"auth\":\"" + auth + "\"}}}");
    return config;
  }
}
