package dev.dockerlint.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What {@code docker load} and a running container make of the tarballs the testkit writes. */
@ExtendWith({DockerEngineExtension.class, FixturesExtension.class})
class ImageTarballLoadTest {

  private static String sh(DockerEngine docker, String image, String script) {
    Container.Result result =
        docker.container(image).entrypoint("/bin/sh").command("-c", script).run();
    assertThat(result.exitCode()).as(result.output()).isZero();
    return result.stdout();
  }

  @Test
  void loadGivesTheImageTheConfigDigestAsId(DockerEngine docker, Fixtures fixtures) {
    ImageTarball image = ImageTarball.builder().layer(fixtures.busyboxLayer("amd64")).build();

    String tag = docker.load(image);

    assertThat(docker.imageId(tag)).isEqualTo(image.id().toString());
  }

  @Test
  void keepsModesOwnersAndLinks(DockerEngine docker, Fixtures fixtures) {
    ImageTarball image =
        ImageTarball.builder()
            .layer(fixtures.busyboxLayer("amd64"))
            .layer(
                Layer.builder()
                    .directory("/shared", 01777)
                    .directory("/home/app", 0750, 1000, 1000)
                    .file("/home/app/run", "x", 04755, 1000, 1001)
                    .hardlink("/home/app/run2", "/home/app/run")
                    .symlink("/home/app/link", "../app/run")
                    .build())
            .build();
    String tag = docker.load(image);

    String out =
        sh(
            docker,
            tag,
            "cd /home/app; busybox stat -c '%n %a %u %g %F' /shared . run link;"
                + " busybox readlink link; busybox stat -c '%i %h' run run2");

    String[] lines = out.split("\n");
    assertThat(lines[0]).isEqualTo("/shared 1777 0 0 directory");
    assertThat(lines[1]).isEqualTo(". 750 1000 1000 directory");
    assertThat(lines[2]).isEqualTo("run 4755 1000 1001 regular file");
    assertThat(lines[3]).isEqualTo("link 777 0 0 symbolic link");
    assertThat(lines[4]).isEqualTo("../app/run");
    assertThat(lines[5].split(" ")[1]).isEqualTo("2");
    assertThat(lines[5]).isEqualTo(lines[6].replace("run2", "run"));
  }

  @Test
  void whiteoutsDeleteAndOpaqueDirectoriesHide(DockerEngine docker, Fixtures fixtures) {
    ImageTarball image =
        ImageTarball.builder()
            .layer(fixtures.busyboxLayer("amd64"))
            .layer(
                Layer.builder()
                    .file("/etc/keep", "k", 0644)
                    .file("/etc/gone", "g", 0644)
                    .file("/var/old/a", "a", 0644)
                    .build())
            .layer(
                Layer.builder()
                    .whiteout("/etc/gone")
                    .opaque("/var/old")
                    .file("/var/old/b", "b", 0644)
                    .build())
            .build();
    String tag = docker.load(image);

    assertThat(
            sh(
                docker,
                tag,
                "for f in /etc/keep /etc/gone /var/old/a /var/old/b; do"
                    + " if [ -e $f ]; then echo $f; fi; done"))
        .isEqualTo("/etc/keep\n/var/old/b\n");
  }

  @Test
  void runsWithTheConfigEnvUserAndWorkingDir(DockerEngine docker, Fixtures fixtures) {
    ImageTarball image =
        ImageTarball.builder()
            .layer(fixtures.busyboxLayer("amd64"))
            .env("GREETING", "hello")
            .user("1234:5678")
            .workingDir("/tmp")
            .label("org.example.k", "v")
            .entrypoint("/bin/sh", "-c")
            .cmd("echo $GREETING $(busybox id -u):$(busybox id -g) $(busybox pwd)")
            .build();
    String tag = docker.load(image);

    Container.Result result = docker.container(tag).run();

    assertThat(result.stdout()).as(result.output()).isEqualTo("hello 1234:5678 /tmp\n");
    assertThat(docker.inspectImage(tag, "{{index .Config.Labels \"org.example.k\"}}"))
        .isEqualTo("v");
  }

  @Test
  void declaresThePlatformItIsGiven(DockerEngine docker, Fixtures fixtures) {
    ImageTarball image =
        ImageTarball.builder()
            .platform(Platform.LINUX_ARM_V7)
            .layer(fixtures.busyboxLayer("amd64"))
            .build();

    String tag = docker.load(image);

    assertThat(docker.inspectImage(tag, "{{.Os}}/{{.Architecture}}/{{.Variant}}"))
        .isEqualTo("linux/arm/v7");
  }

  @Test
  void timesOutAndRemovesTheContainer(DockerEngine docker, Fixtures fixtures) {
    String tag = docker.load(ImageTarball.builder().layer(fixtures.busyboxLayer("amd64")).build());

    Container.Result result =
        docker
            .container(tag)
            .command("/bin/busybox", "sleep", "60")
            .timeout(java.time.Duration.ofSeconds(3))
            .run();

    assertThat(result.timedOut()).isTrue();
    assertThat(
            docker
                .docker(DockerEngine.SHORT, "ps", "-aq", "--filter", "name=" + result.name())
                .stdout())
        .isBlank();
  }
}
