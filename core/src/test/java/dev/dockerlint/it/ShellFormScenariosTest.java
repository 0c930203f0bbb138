package dev.dockerlint.it;

import static dev.dockerlint.it.Scenarios.NATIVE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.testkit.Container;
import dev.dockerlint.testkit.DockerEngine;
import dev.dockerlint.testkit.DockerEngineExtension;
import dev.dockerlint.testkit.Fixtures;
import dev.dockerlint.testkit.FixturesExtension;
import dev.dockerlint.testkit.ImageTarball;
import dev.dockerlint.testkit.Layer;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * DKL1001 and DKL1002 against a real Docker Engine: each bad Dockerfile is linted, built with the
 * legacy builder (or its base image loaded from a tarball) and run; the error dockerlint predicts
 * is the one Docker prints. Each good twin builds, runs, and gets no error finding.
 */
@ExtendWith({DockerEngineExtension.class, FixturesExtension.class})
class ShellFormScenariosTest {

  @TempDir Path context;
  private DockerEngine docker;
  private Fixtures fixtures;

  @BeforeEach
  void setUp(DockerEngine docker, Fixtures fixtures) {
    this.docker = docker;
    this.fixtures = fixtures;
    Scenarios.requireAmd64Engine(docker);
    Scenarios.executable(context, "busybox", fixtures.busybox("amd64").bytes());
  }

  @Test
  void shellFormCmdFromScratchFailsWithNoSuchFile() {
    String dockerfile = "FROM scratch\nCOPY busybox /busybox\nCMD /busybox echo hello\n";

    Diagnostic d = Scenarios.predicted(Scenarios.lint(dockerfile, context, NATIVE), "DKL1001");
    assertThat(d.severity()).isEqualTo(Severity.ERROR);

    try (LegacyBuild build = new LegacyBuild(docker)) {
      LegacyBuild.Outcome built = build.build(context, dockerfile);
      assertThat(built.ok()).as(built.output()).isTrue();
      Container.Result run = docker.container(built.tag()).run();
      Scenarios.observed("DKL1001 shell-form CMD FROM scratch", run);
      assertThat(run.exitCode()).isNotZero();
      assertThat(run.stderr())
          .contains("exec: \"/bin/sh\": stat /bin/sh: " + d.predicts().get().text());
    }
  }

  @Test
  void execFormCmdFromScratchRuns() {
    String dockerfile =
        "FROM scratch\nCOPY busybox /busybox\nCMD [\"/busybox\", \"echo\", \"hello\"]\n";

    List<Diagnostic> ds = Scenarios.lint(dockerfile, context, NATIVE);
    Scenarios.noErrors(ds);
    assertThat(Scenarios.of(ds, "DKL1001")).isEmpty();

    try (LegacyBuild build = new LegacyBuild(docker)) {
      LegacyBuild.Outcome built = build.build(context, dockerfile);
      assertThat(built.ok()).as(built.output()).isTrue();
      Container.Result run = docker.container(built.tag()).run();
      assertThat(run.exitCode()).as(run.output()).isZero();
      assertThat(run.stdout()).isEqualTo("hello\n");
    }
  }

  /** The image facts come from the tarball loaded into the engine (see {@link TarballImages}). */
  @Test
  void shellFormEntrypointOnAShellLessImageFailsWithNoSuchFile() {
    ImageTarball shellLess =
        ImageTarball.builder()
            .layer(Layer.builder().copy("/busybox", fixtures.busybox("amd64").file(), 0755).build())
            .tag(uniqueTag("shell-less"))
            .build();
    docker.load(shellLess);
    String dockerfile = "FROM " + shellLess.tag() + "\nENTRYPOINT /busybox echo hello\n";

    Diagnostic d =
        Scenarios.predicted(
            Scenarios.lint(dockerfile, context, NATIVE, new TarballImages(shellLess)), "DKL1001");
    assertThat(d.severity()).isEqualTo(Severity.ERROR);
    assertThat(d.message()).contains("which has no /bin/sh");

    try (LegacyBuild build = new LegacyBuild(docker)) {
      LegacyBuild.Outcome built = build.build(context, dockerfile);
      assertThat(built.ok()).as(built.output()).isTrue();
      Container.Result run = docker.container(built.tag()).run();
      Scenarios.observed("DKL1001 shell-form ENTRYPOINT on a shell-less image", run);
      assertThat(run.stderr())
          .contains("exec: \"/bin/sh\": stat /bin/sh: " + d.predicts().get().text());
    }
  }

  @Test
  void shellFormEntrypointOnAnImageWithAShellRuns() {
    ImageTarball withShell =
        ImageTarball.builder()
            .layer(fixtures.busyboxLayer("amd64"))
            .tag(uniqueTag("with-shell"))
            .build();
    docker.load(withShell);
    String dockerfile = "FROM " + withShell.tag() + "\nENTRYPOINT /bin/busybox echo hello\n";

    List<Diagnostic> ds = Scenarios.lint(dockerfile, context, NATIVE, new TarballImages(withShell));
    Scenarios.noErrors(ds);
    assertThat(Scenarios.of(ds, "DKL1001")).allMatch(d -> d.predicts().isEmpty());

    try (LegacyBuild build = new LegacyBuild(docker)) {
      LegacyBuild.Outcome built = build.build(context, dockerfile);
      assertThat(built.ok()).as(built.output()).isTrue();
      Container.Result run = docker.container(built.tag()).run();
      assertThat(run.exitCode()).as(run.output()).isZero();
      assertThat(run.stdout()).isEqualTo("hello\n");
    }
  }

  @Test
  void shellFormCmdThroughAMissingShellFailsWithNoSuchFile() {
    String dockerfile =
        "FROM scratch\nCOPY busybox /busybox\nSHELL [\"/bin/bash\", \"-c\"]\n"
            + "CMD /busybox echo hello\n";

    Diagnostic d = Scenarios.predicted(Scenarios.lint(dockerfile, context, NATIVE), "DKL1001");
    assertThat(d.severity()).isEqualTo(Severity.ERROR);
    assertThat(d.message()).contains("no /bin/bash");

    try (LegacyBuild build = new LegacyBuild(docker)) {
      LegacyBuild.Outcome built = build.build(context, dockerfile);
      assertThat(built.ok()).as(built.output()).isTrue();
      Container.Result run = docker.container(built.tag()).run();
      Scenarios.observed("DKL1001 shell-form CMD through a SHELL the image lacks", run);
      assertThat(run.stderr())
          .contains("exec: \"/bin/bash\": stat /bin/bash: " + d.predicts().get().text());
    }
  }

  /** Debian's bash-static as the SHELL: the shell form is a choice, and it runs. */
  @Test
  void shellFormCmdThroughACopiedInShellRuns() {
    Scenarios.executable(context, "bash", fixtures.get("bash-static.amd64").bytes());
    String dockerfile =
        "FROM scratch\nCOPY bash /bin/bash\nSHELL [\"/bin/bash\", \"-c\"]\n"
            + "CMD echo hello from $BASH\n";

    List<Diagnostic> ds = Scenarios.lint(dockerfile, context, NATIVE);
    Scenarios.noErrors(ds);
    assertThat(Scenarios.of(ds, "DKL1001")).isEmpty();

    try (LegacyBuild build = new LegacyBuild(docker)) {
      LegacyBuild.Outcome built = build.build(context, dockerfile);
      assertThat(built.ok()).as(built.output()).isTrue();
      Container.Result run = docker.container(built.tag()).run();
      assertThat(run.exitCode()).as(run.output()).isZero();
      assertThat(run.stdout()).isEqualTo("hello from /bin/bash\n");
    }
  }

  @Test
  void shellFormRunFromScratchFailsTheBuildWithNoSuchFile() {
    String dockerfile = "FROM scratch\nCOPY busybox /busybox\nRUN /busybox mkdir /data\n";

    Diagnostic d = Scenarios.predicted(Scenarios.lint(dockerfile, context, NATIVE), "DKL1002");
    assertThat(d.severity()).isEqualTo(Severity.ERROR);

    try (LegacyBuild build = new LegacyBuild(docker)) {
      LegacyBuild.Outcome built = build.build(context, dockerfile);
      Scenarios.observed("DKL1002 shell-form RUN FROM scratch", built);
      assertThat(built.ok()).isFalse();
      assertThat(built.result().stderr())
          .contains("exec: \"/bin/sh\": stat /bin/sh: " + d.predicts().get().text());
    }
  }

  @Test
  void execFormRunFromScratchBuilds() {
    String dockerfile =
        "FROM scratch\nCOPY busybox /busybox\nRUN [\"/busybox\", \"mkdir\", \"/data\"]\n"
            + "CMD [\"/busybox\", \"ls\", \"-d\", \"/data\"]\n";

    List<Diagnostic> ds = Scenarios.lint(dockerfile, context, NATIVE);
    Scenarios.noErrors(ds);
    assertThat(Scenarios.of(ds, "DKL1002")).isEmpty();

    try (LegacyBuild build = new LegacyBuild(docker)) {
      LegacyBuild.Outcome built = build.build(context, dockerfile);
      assertThat(built.ok()).as(built.output()).isTrue();
      Container.Result run = docker.container(built.tag()).run();
      assertThat(run.stdout()).isEqualTo("/data\n");
    }
  }

  static String uniqueTag(String name) {
    return "dockerlint-it/" + name + ":" + UUID.randomUUID().toString().replace("-", "");
  }
}
