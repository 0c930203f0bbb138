package dev.dockerlint.image.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.filefacts.FileKind;
import dev.dockerlint.image.FileIndex;
import dev.dockerlint.image.ImageInfo;
import dev.dockerlint.image.Lookup;
import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.Platform;
import dev.dockerlint.testkit.DockerEngine;
import dev.dockerlint.testkit.DockerEngineExtension;
import dev.dockerlint.testkit.Fixtures;
import dev.dockerlint.testkit.FixturesExtension;
import dev.dockerlint.testkit.ImageTarball;
import dev.dockerlint.testkit.Layer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith({DockerEngineExtension.class, FixturesExtension.class})
class DockerEngineSourceTest {
  private static DockerEngineSource source;

  @BeforeAll
  static void connect(DockerEngine docker) {
    DockerEngineSource.Connection c =
        DockerEngineSource.connect(DockerEngineSettings.defaults().withDockerHost(docker.host()));
    assertThat(c).isInstanceOf(DockerEngineSource.Connection.Connected.class);
    source = ((DockerEngineSource.Connection.Connected) c).source();
  }

  @AfterAll
  static void close() {
    if (source != null) {
      source.close();
    }
  }

  private static ImageRef ref(String tag) {
    return ImageRef.parse(tag).orElseThrow();
  }

  @Test
  void knowsTheEnginesPlatform() {
    assertThat(source.platform().os()).isEqualTo("linux");
    assertThat(source.platform().architecture()).isNotEmpty();
  }

  @Test
  void inspectsConfigAndDeclaredPlatformOfALoadedImage(DockerEngine docker, Fixtures f) {
    ImageTarball img =
        ImageTarball.builder()
            .platform(dev.dockerlint.testkit.Platform.LINUX_ARM64)
            .layer(f.busyboxLayer("arm64"))
            .env("PATH", "/bin")
            .entrypoint("/bin/busybox")
            .cmd("sh")
            .shell("/bin/ash", "-c")
            .user("65534")
            .label("k", "v")
            .build();
    String tag = docker.load(img);
    Lookup l = source.lookup(ref(tag), Platform.LINUX_AMD64, false);
    ImageInfo info = ((Lookup.Found) l).image();
    assertThat(info.platform()).isEqualTo(Platform.LINUX_ARM64);
    assertThat(info.imageId()).contains(img.id().toString());
    assertThat(info.config().entrypoint()).contains(List.of("/bin/busybox"));
    assertThat(info.config().shell()).contains(List.of("/bin/ash", "-c"));
    assertThat(info.config().user()).contains("65534");
    assertThat(info.config().labels()).containsEntry("k", "v");
    assertThat(info.files()).isEmpty();
  }

  @Test
  void indexesTheFilesystemByStreamingDockerSave(DockerEngine docker, Fixtures f) {
    ImageTarball img =
        ImageTarball.builder()
            .platform(dev.dockerlint.testkit.Platform.LINUX_AMD64)
            .layer(f.busyboxLayer("amd64"))
            .layer(
                Layer.builder()
                    .file("/etc/motd", "hi", 0644)
                    .file("/opt/a/b", "x", 0644)
                    .file("/entrypoint.sh", "#!/bin/sh\r\necho\n", 0700)
                    .build())
            .layer(Layer.builder().whiteout("/etc/motd").opaque("/opt/a").build())
            .build();
    String tag = docker.load(img);
    Lookup l = source.lookup(ref(tag), Platform.LINUX_AMD64, true);
    FileIndex files = ((Lookup.Found) l).image().files().orElseThrow();
    assertThat(files.resolve("/bin/sh").orElseThrow().facts().orElseThrow().kind())
        .isEqualTo(FileKind.ELF);
    assertThat(files.get("/etc/motd")).isEmpty();
    assertThat(files.get("/opt/a")).isPresent();
    assertThat(files.get("/opt/a/b")).isEmpty();
    var script = files.get("/entrypoint.sh").orElseThrow();
    assertThat(script.mode()).isEqualTo(0700);
    assertThat(script.facts().orElseThrow().shebang().orElseThrow().crlf()).isTrue();
  }

  @Test
  void anImageTheEngineDoesNotHaveIsUnavailable() {
    Lookup l = source.lookup(ref("dockerlint-test/absent:1"), Platform.LINUX_AMD64, false);
    assertThat(((Lookup.Unavailable) l).reason())
        .contains("not in the Docker Engine's image store");
  }

  @Test
  void aMissingSocketMeansNoEngineAtOnce(@TempDir Path tmp) {
    long t0 = System.nanoTime();
    DockerEngineSource.Connection c =
        DockerEngineSource.connect(
            DockerEngineSettings.defaults().withDockerHost("unix://" + tmp.resolve("none.sock")));
    assertThat(c).isInstanceOf(DockerEngineSource.Connection.NoEngine.class);
    assertThat(System.nanoTime() - t0).isLessThan(2_000_000_000L);
  }

  @Test
  void anEngineThatNeverAnswersIsGivenUpAfterTheProbeTimeout(@TempDir Path tmp) throws Exception {
    Path sock = tmp.resolve("mute.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(sock));
      Thread acceptor =
          new Thread(
              () -> {
                try (SocketChannel ignored = server.accept()) {
                  Thread.sleep(5000);
                } catch (Exception e) {
                  Thread.currentThread().interrupt();
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      long t0 = System.nanoTime();
      DockerEngineSource.Connection c =
          DockerEngineSource.connect(
              DockerEngineSettings.defaults().withDockerHost("unix://" + sock));
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertThat(c).isInstanceOf(DockerEngineSource.Connection.NoEngine.class);
      assertThat(((DockerEngineSource.Connection.NoEngine) c).reason()).contains("within 1000 ms");
      assertThat(ms).isBetween(900L, 2500L);
      acceptor.interrupt();
    }
  }

  @Test
  void aDigestReferenceOfAnImageWithoutRepoDigestsIsUnavailable() {
    Lookup l =
        source.lookup(
            ref("dockerlint-test/absent@sha256:" + "a".repeat(64)), Platform.LINUX_AMD64, false);
    assertThat(l).isInstanceOf(Lookup.Unavailable.class);
    assertThat(Optional.of(l)).isPresent();
  }
}
