package dev.dockerlint.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.semantic.Platform;
import dev.dockerlint.testkit.Container;
import dev.dockerlint.testkit.DockerEngine;
import dev.dockerlint.testkit.DockerEngineExtension;
import dev.dockerlint.testkit.Fixtures;
import dev.dockerlint.testkit.FixturesExtension;
import dev.dockerlint.testkit.ImageTarball;
import dev.dockerlint.testkit.Layer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cross-compilation rules against a real amd64 Docker Engine without binfmt/QEMU. Where the
 * scenario needs BuildKit (automatic platform ARGs, cross-building), the test constructs the image
 * that build produces, with Debian's static busybox standing in for the compiled program (a static
 * ELF of the architecture the compiler would have produced), and runs it. Each good twin runs and
 * gets no error finding.
 */
@ExtendWith({DockerEngineExtension.class, FixturesExtension.class})
class CrossBuildScenariosTest {

  /** Building for amd64 on an arm64 machine (an Apple silicon laptop, say). */
  private static final BuildOptions AMD64_FROM_ARM64 =
      new BuildOptions(Platform.LINUX_AMD64, Platform.LINUX_ARM64, Map.of(), Optional.empty());

  @TempDir Path context;
  private DockerEngine docker;
  private Fixtures fixtures;

  @BeforeEach
  void setUp(DockerEngine docker, Fixtures fixtures) {
    this.docker = docker;
    this.fixtures = fixtures;
    Scenarios.requireAmd64Engine(docker);
  }

  /**
   * What {@code FROM scratch} + {@code COPY --from=build /out/busybox /busybox} + {@code ENTRYPOINT
   * ["/busybox"]} gives when the builder compiled for {@code compiledFor}: an image labelled
   * linux/amd64 holding that program (named busybox, so that the stand-in runs).
   */
  private Container.Result runProduced(String compiledFor) {
    ImageTarball produced =
        ImageTarball.builder()
            .platform(dev.dockerlint.testkit.Platform.LINUX_AMD64)
            .layer(
                Layer.builder()
                    .copy("/busybox", fixtures.busybox(compiledFor).file(), 0755)
                    .build())
            .entrypoint("/busybox")
            .cmd("echo", "hello")
            .build();
    return docker.container(docker.load(produced)).run();
  }

  private static final String FINAL =
      "FROM scratch\nCOPY --from=build /out/busybox /busybox\nENTRYPOINT [\"/busybox\"]\n";

  /**
   * {@code docker buildx build --platform linux/amd64} on an arm64 machine: {@code go build} runs
   * on arm64 without GOARCH and produces an arm64 program.
   */
  @Test
  void goBuildOnTheBuildPlatformWithoutTargetArchFailsWithExecFormatError() {
    String dockerfile =
        "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n"
            + "RUN CGO_ENABLED=0 go build -o /out/busybox .\n"
            + FINAL;

    Diagnostic d =
        Scenarios.predicted(Scenarios.lint(dockerfile, context, AMD64_FROM_ARM64), "DKL1201");
    assertThat(d.severity()).isEqualTo(Severity.ERROR);

    Container.Result run = runProduced("arm64");
    Scenarios.observed("DKL1201 go build on arm64 $BUILDPLATFORM, image for amd64", run);
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.stderr()).contains("exec /busybox: " + d.predicts().get().text());
  }

  /** The same build with GOOS/GOARCH from the automatic ARGs produces an amd64 program. */
  @Test
  void goBuildForTheTargetArchRuns() {
    String dockerfile =
        "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n"
            + "ARG TARGETOS TARGETARCH\n"
            + "RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/busybox .\n"
            + FINAL;

    List<Diagnostic> ds = Scenarios.lint(dockerfile, context, AMD64_FROM_ARM64);
    Scenarios.noErrors(ds);
    assertThat(Scenarios.of(ds, "DKL1201")).isEmpty();

    Container.Result run = runProduced("amd64");
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.stdout()).isEqualTo("hello\n");
  }

  /**
   * {@code ADD http://.../busybox_linux_arm64}: the legacy builder downloads it (from a loopback
   * HTTP server the test runs) into an amd64 image.
   */
  @Test
  void downloadOfAHardCodedForeignArchitectureFailsWithExecFormatError() throws IOException {
    ImageTarball base = amd64Base("dockerlint-it/busybox-amd64");
    try (Downloads downloads = new Downloads(fixtures)) {
      String dockerfile =
          "FROM "
              + base.tag()
              + "\nADD "
              + downloads.url("busybox_linux_arm64")
              + " /usr/local/bin/busybox\nRUN chmod 755 /usr/local/bin/busybox\n"
              + "CMD [\"/usr/local/bin/busybox\", \"echo\", \"hello\"]\n";

      Diagnostic d =
          Scenarios.predicted(Scenarios.lint(dockerfile, context, Scenarios.NATIVE), "DKL1202");

      try (LegacyBuild build = new LegacyBuild(docker)) {
        LegacyBuild.Outcome built = build.build(context, dockerfile);
        assertThat(built.ok()).as(built.output()).isTrue();
        Container.Result run = docker.container(built.tag()).run();
        Scenarios.observed("DKL1202 ADD of a linux_arm64 download into an amd64 image", run);
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.stderr())
            .contains("exec /usr/local/bin/busybox: " + d.predicts().get().text());
      }
    }
  }

  /** The same download for a stage pinned to amd64 by its image's architecture namespace. */
  @Test
  void downloadForAStagePinnedToItsArchitectureRuns() throws IOException {
    ImageTarball base = amd64Base("amd64/dockerlint-it-busybox");
    try (Downloads downloads = new Downloads(fixtures)) {
      String dockerfile =
          "FROM "
              + base.tag()
              + "\nADD "
              + downloads.url("busybox_linux_amd64")
              + " /usr/local/bin/busybox\nRUN chmod 755 /usr/local/bin/busybox\n"
              + "CMD [\"/usr/local/bin/busybox\", \"echo\", \"hello\"]\n";

      List<Diagnostic> ds = Scenarios.lint(dockerfile, context, Scenarios.NATIVE);
      Scenarios.noErrors(ds);
      assertThat(Scenarios.of(ds, "DKL1202")).isEmpty();

      try (LegacyBuild build = new LegacyBuild(docker)) {
        LegacyBuild.Outcome built = build.build(context, dockerfile);
        assertThat(built.ok()).as(built.output()).isTrue();
        Container.Result run = docker.container(built.tag()).run();
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.stdout()).isEqualTo("hello\n");
      }
    }
  }

  @Test
  void programCopiedFromAStageOfAnotherPlatformFailsWithExecFormatError() {
    ImageTarball tools = base("arm64", dev.dockerlint.testkit.Platform.LINUX_ARM64, "tools-arm64");
    ImageTarball runtime = amd64Base("dockerlint-it/busybox-amd64");
    String dockerfile =
        "FROM --platform=linux/arm64 "
            + tools.tag()
            + " AS tools\nFROM "
            + runtime.tag()
            + "\nCOPY --from=tools /bin/busybox /usr/local/bin/busybox\n"
            + "CMD [\"/usr/local/bin/busybox\", \"echo\", \"hello\"]\n";

    Diagnostic d =
        Scenarios.predicted(Scenarios.lint(dockerfile, context, Scenarios.NATIVE), "DKL1204");
    assertThat(d.severity()).isEqualTo(Severity.ERROR);

    try (LegacyBuild build = new LegacyBuild(docker)) {
      LegacyBuild.Outcome built = build.build(context, dockerfile);
      assertThat(built.ok()).as(built.output()).isTrue();
      Container.Result run = docker.container(built.tag()).run();
      Scenarios.observed("DKL1204 COPY --from a linux/arm64 stage into amd64", run);
      assertThat(run.exitCode()).isNotZero();
      assertThat(run.stderr())
          .contains("exec /usr/local/bin/busybox: " + d.predicts().get().text());
    }
  }

  @Test
  void programCopiedFromAStageOfTheSamePlatformRuns() {
    ImageTarball tools = amd64Base("dockerlint-it/tools-amd64");
    ImageTarball runtime = amd64Base("dockerlint-it/busybox-amd64");
    String dockerfile =
        "FROM "
            + tools.tag()
            + " AS tools\nFROM "
            + runtime.tag()
            + "\nCOPY --from=tools /bin/busybox /usr/local/bin/busybox\n"
            + "CMD [\"/usr/local/bin/busybox\", \"echo\", \"hello\"]\n";

    List<Diagnostic> ds = Scenarios.lint(dockerfile, context, Scenarios.NATIVE);
    Scenarios.noErrors(ds);
    assertThat(Scenarios.of(ds, "DKL1204")).isEmpty();

    try (LegacyBuild build = new LegacyBuild(docker)) {
      LegacyBuild.Outcome built = build.build(context, dockerfile);
      assertThat(built.ok()).as(built.output()).isTrue();
      Container.Result run = docker.container(built.tag()).run();
      assertThat(run.exitCode()).as(run.output()).isZero();
      assertThat(run.stdout()).isEqualTo("hello\n");
    }
  }

  private ImageTarball amd64Base(String repo) {
    return base("amd64", dev.dockerlint.testkit.Platform.LINUX_AMD64, repo);
  }

  private ImageTarball base(String debianArch, dev.dockerlint.testkit.Platform p, String repo) {
    ImageTarball image =
        ImageTarball.builder()
            .platform(p)
            .layer(fixtures.busyboxLayer(debianArch))
            .env("PATH", "/usr/local/bin:/bin")
            .tag(
                (repo.contains("/") ? repo : "dockerlint-it/" + repo)
                    + ":"
                    + UUID.randomUUID().toString().replace("-", ""))
            .build();
    docker.load(image);
    return image;
  }

  /**
   * Release downloads on 127.0.0.1: {@code busybox_linux_amd64} and {@code busybox_linux_arm64},
   * Debian's static busybox builds. The Docker Engine fetches ADD URLs itself, on the host.
   */
  private static final class Downloads implements AutoCloseable {
    private final HttpServer server;

    Downloads(Fixtures fixtures) throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      for (String arch : List.of("amd64", "arm64")) {
        byte[] body = fixtures.busybox(arch).bytes();
        server.createContext(
            "/releases/busybox_linux_" + arch,
            exchange -> {
              exchange.sendResponseHeaders(200, body.length);
              try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
              }
            });
      }
      server.start();
    }

    String url(String name) {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/releases/" + name;
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
