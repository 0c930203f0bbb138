package dev.dockerlint.it;

import static dev.dockerlint.it.Scenarios.NATIVE;
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
 * The platform rules (DKL1101, DKL1103, DKL1104, DKL1105) against a real amd64 Docker Engine
 * without binfmt/QEMU: the bad Dockerfile is linted and built (legacy builder, local base images)
 * or, where it needs BuildKit, the image such a build produces is constructed; the container (or
 * the RUN step) fails with the error the rule predicts. Each good twin builds, runs and gets no
 * error finding.
 */
@ExtendWith({DockerEngineExtension.class, FixturesExtension.class})
class PlatformScenariosTest {

  private static final BuildOptions ARM64_TARGET =
      new BuildOptions(Platform.LINUX_ARM64, Platform.LINUX_AMD64, Map.of(), Optional.empty());

  /** Building for amd64 on an arm64 machine (an Apple silicon laptop, say). */
  private static final BuildOptions AMD64_FROM_ARM64 =
      new BuildOptions(Platform.LINUX_AMD64, Platform.LINUX_ARM64, Map.of(), Optional.empty());

  private static final String ECHO = "CMD [\"/bin/busybox\", \"echo\", \"hello\"]\n";

  @TempDir Path context;
  private DockerEngine docker;
  private Fixtures fixtures;

  @BeforeEach
  void setUp(DockerEngine docker, Fixtures fixtures) {
    this.docker = docker;
    this.fixtures = fixtures;
    Scenarios.requireAmd64Engine(docker);
  }

  /** A busybox image of one architecture: {@code /bin/busybox}, {@code /bin/sh}. */
  private ImageTarball busybox(String debianArch, dev.dockerlint.testkit.Platform p, String repo) {
    ImageTarball image =
        ImageTarball.builder()
            .platform(p)
            .layer(fixtures.busyboxLayer(debianArch))
            .env("PATH", "/bin")
            .tag(repo + ":" + UUID.randomUUID().toString().replace("-", ""))
            .build();
    docker.load(image);
    return image;
  }

  private ImageTarball arm64(String repo) {
    return busybox("arm64", dev.dockerlint.testkit.Platform.LINUX_ARM64, repo);
  }

  private ImageTarball amd64(String repo) {
    return busybox("amd64", dev.dockerlint.testkit.Platform.LINUX_AMD64, repo);
  }

  private Container.Result buildAndRun(String dockerfile, String... buildArgs) {
    try (LegacyBuild build = new LegacyBuild(docker)) {
      LegacyBuild.Outcome built = build.build(context, dockerfile, buildArgs);
      assertThat(built.ok()).as(built.output()).isTrue();
      return docker.container(built.tag()).run();
    }
  }

  @Test
  void finalStagePinnedToAnotherPlatformFailsWithExecFormatError() {
    ImageTarball base = arm64("dockerlint-it/busybox-arm64");
    String dockerfile = "FROM --platform=linux/arm64 " + base.tag() + "\n" + ECHO;

    Diagnostic d = Scenarios.predicted(Scenarios.lint(dockerfile, context, NATIVE), "DKL1101");

    Container.Result run = buildAndRun(dockerfile);
    Scenarios.observed("DKL1101 final stage pinned to linux/arm64", run);
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.stderr()).contains("exec /bin/busybox: " + d.predicts().get().text());
  }

  @Test
  void finalStagePinnedToTheTargetPlatformRuns() {
    ImageTarball base = amd64("dockerlint-it/busybox-amd64");
    String dockerfile = "FROM --platform=linux/amd64 " + base.tag() + "\n" + ECHO;

    List<Diagnostic> ds = Scenarios.lint(dockerfile, context, NATIVE);
    Scenarios.noErrors(ds);
    assertThat(Scenarios.of(ds, "DKL1101")).allMatch(d -> d.predicts().isEmpty());

    Container.Result run = buildAndRun(dockerfile);
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.stdout()).isEqualTo("hello\n");
  }

  /**
   * {@code docker buildx build --platform linux/amd64} on an arm64 machine, final stage {@code FROM
   * --platform=$BUILDPLATFORM}: BuildKit pulls the base for arm64 and labels the image amd64. The
   * legacy builder cannot do that, so the test constructs that image (config linux/amd64, Debian's
   * arm64 busybox) and runs it.
   */
  @Test
  void finalStageOnTheBuildPlatformFailsWithExecFormatErrorOnTheTarget() {
    String dockerfile = "FROM --platform=$BUILDPLATFORM busybox:1.36\n" + ECHO;

    Diagnostic d =
        Scenarios.predicted(Scenarios.lint(dockerfile, context, AMD64_FROM_ARM64), "DKL1103");
    assertThat(d.severity()).isEqualTo(Severity.ERROR);

    ImageTarball produced =
        ImageTarball.builder()
            .platform(dev.dockerlint.testkit.Platform.LINUX_AMD64)
            .layer(fixtures.busyboxLayer("arm64"))
            .cmd("/bin/busybox", "echo", "hello")
            .build();
    Container.Result run = docker.container(docker.load(produced)).run();
    Scenarios.observed("DKL1103 final stage on $BUILDPLATFORM (arm64) built for amd64", run);
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.stderr()).contains("exec /bin/busybox: " + d.predicts().get().text());
  }

  /** The same build without {@code --platform}: BuildKit pulls the base for amd64. */
  @Test
  void finalStageOnTheTargetPlatformRunsOnTheTarget() {
    String dockerfile = "FROM busybox:1.36\n" + ECHO;

    List<Diagnostic> ds = Scenarios.lint(dockerfile, context, AMD64_FROM_ARM64);
    Scenarios.noErrors(ds);
    assertThat(Scenarios.of(ds, "DKL1103")).isEmpty();

    ImageTarball produced =
        ImageTarball.builder()
            .platform(dev.dockerlint.testkit.Platform.LINUX_AMD64)
            .layer(fixtures.busyboxLayer("amd64"))
            .cmd("/bin/busybox", "echo", "hello")
            .build();
    Container.Result run = docker.container(docker.load(produced)).run();
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.stdout()).isEqualTo("hello\n");
  }

  @Test
  void armImageFromAnArchNamespaceFailsWithExecFormatError() {
    ImageTarball base = arm64("arm64v8/dockerlint-it-busybox");
    String dockerfile = "FROM " + base.tag() + "\n" + ECHO;

    Diagnostic d = Scenarios.predicted(Scenarios.lint(dockerfile, context, NATIVE), "DKL1104");

    Container.Result run = buildAndRun(dockerfile);
    Scenarios.observed("DKL1104 arm64v8/ image built for amd64", run);
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.stderr()).contains("exec /bin/busybox: " + d.predicts().get().text());
  }

  @Test
  void amd64ImageFromAnArchNamespaceRunsOnAmd64() {
    ImageTarball base = amd64("amd64/dockerlint-it-busybox");
    String dockerfile = "FROM " + base.tag() + "\n" + ECHO;

    List<Diagnostic> ds = Scenarios.lint(dockerfile, context, NATIVE);
    Scenarios.noErrors(ds);
    assertThat(Scenarios.of(ds, "DKL1104")).isEmpty();

    Container.Result run = buildAndRun(dockerfile);
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.stdout()).isEqualTo("hello\n");
  }

  @Test
  void runForAnotherPlatformWithoutEmulationFailsWithExecFormatError() {
    ImageTarball base = arm64("dockerlint-it/busybox-arm64");
    String dockerfile = "FROM " + base.tag() + "\nRUN /bin/busybox mkdir /data\n" + ECHO;

    Diagnostic d =
        Scenarios.predicted(Scenarios.lint(dockerfile, context, ARM64_TARGET), "DKL1105");

    try (LegacyBuild build = new LegacyBuild(docker)) {
      LegacyBuild.Outcome built = build.build(context, dockerfile, "--platform", "linux/arm64");
      Scenarios.observed("DKL1105 RUN in a linux/arm64 stage on amd64", built);
      assertThat(built.ok()).isFalse();
      assertThat(built.output()).contains("exec /bin/sh: " + d.predicts().get().text());
    }
  }

  @Test
  void runForTheBuildPlatformBuilds() {
    ImageTarball base = amd64("dockerlint-it/busybox-amd64");
    String dockerfile = "FROM " + base.tag() + "\nRUN /bin/busybox mkdir /data\n" + ECHO;

    List<Diagnostic> ds = Scenarios.lint(dockerfile, context, NATIVE);
    Scenarios.noErrors(ds);
    assertThat(Scenarios.of(ds, "DKL1105")).isEmpty();

    Container.Result run = buildAndRun(dockerfile, "--platform", "linux/amd64");
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.stdout()).isEqualTo("hello\n");
  }
}
