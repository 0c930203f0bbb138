package dev.dockerlint.it;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
}
