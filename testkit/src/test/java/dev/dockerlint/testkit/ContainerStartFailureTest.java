package dev.dockerlint.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The start failures dockerlint predicts, each produced by a real Docker Engine from an image built
 * byte by byte. The exact messages are printed (OBSERVED lines) and listed in testkit/README.md.
 */
@ExtendWith({DockerEngineExtension.class, FixturesExtension.class})
class ContainerStartFailureTest {

  private static Container.Result run(DockerEngine docker, ImageTarball image) {
    return docker.container(docker.load(image)).run();
  }

  @Test
  void staticAmd64BusyboxRuns(DockerEngine docker, Fixtures fixtures) {
    ImageTarball image = ImageTarball.builder().layer(fixtures.busyboxLayer("amd64")).build();

    Container.Result result =
        docker.container(docker.load(image)).command("/bin/busybox", "echo", "ok").run();

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.stdout()).isEqualTo("ok\n");
  }

  @Test
  void arm64BinaryInAmd64ImageFailsWithExecFormatError(DockerEngine docker, Fixtures fixtures) {
    ImageTarball image =
        ImageTarball.builder()
            .layer(
                Layer.builder()
                    .copy("/bin/busybox", fixtures.busybox("arm64").file(), 0755)
                    .build())
            .entrypoint("/bin/busybox")
            .cmd("echo", "ok")
            .build();

    Container.Result result = run(docker, image);

    Observed.print("arm64 entrypoint in amd64 image", result);
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr()).contains("exec /bin/busybox: exec format error");
  }

  @Test
  void arm64ImageOnAmd64FailsWithExecFormatError(DockerEngine docker, Fixtures fixtures) {
    ImageTarball image =
        ImageTarball.builder()
            .platform(Platform.LINUX_ARM64)
            .layer(
                Layer.builder()
                    .copy("/bin/busybox", fixtures.busybox("arm64").file(), 0755)
                    .build())
            .entrypoint("/bin/busybox")
            .cmd("echo", "ok")
            .build();

    Container.Result result = run(docker, image);

    Observed.print("arm64 image (config says arm64)", result);
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr()).contains("exec /bin/busybox: exec format error");
  }

  @Test
  void armhfBinaryFailsWithExecFormatError(DockerEngine docker, Fixtures fixtures) {
    ImageTarball image =
        ImageTarball.builder()
            .layer(
                Layer.builder()
                    .copy("/bin/busybox", fixtures.busybox("armhf").file(), 0755)
                    .build())
            .entrypoint("/bin/busybox")
            .build();

    Container.Result result = run(docker, image);

    Observed.print("armhf entrypoint in amd64 image", result);
    assertThat(result.stderr()).contains("exec format error");
  }

  @Test
  void crlfShebangFailsWithNoSuchFile(DockerEngine docker, Fixtures fixtures) {
    ImageTarball image =
        ImageTarball.builder()
            .layer(fixtures.busyboxLayer("amd64"))
            .layer(Layer.builder().file("/entrypoint.sh", "#!/bin/sh\r\necho hi\r\n", 0755).build())
            .entrypoint("/entrypoint.sh")
            .build();

    Container.Result result = run(docker, image);

    Observed.print("CRLF shebang #!/bin/sh\\r", result);
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr()).contains("exec /entrypoint.sh: no such file or directory");
  }

  @Test
  void scriptWithoutExecBitFailsWithPermissionDenied(DockerEngine docker, Fixtures fixtures) {
    ImageTarball image =
        ImageTarball.builder()
            .layer(fixtures.busyboxLayer("amd64"))
            .layer(Layer.builder().file("/entrypoint.sh", "#!/bin/sh\necho hi\n", 0644).build())
            .entrypoint("/entrypoint.sh")
            .build();

    Container.Result result = run(docker, image);

    Observed.print("script mode 0644", result);
    assertThat(result.exitCode()).isEqualTo(126);
    assertThat(result.stateError()).contains("exec: \"/entrypoint.sh\": permission denied");
    assertThat(result.stderr()).contains("permission denied");
  }

  @Test
  void programNotInPathFailsWithExecutableNotFound(DockerEngine docker, Fixtures fixtures) {
    ImageTarball image =
        ImageTarball.builder()
            .layer(fixtures.busyboxLayer("amd64"))
            .env("PATH", "/usr/bin:/bin")
            .build();

    Container.Result result = docker.container(docker.load(image)).command("nothere").run();

    Observed.print("program not in PATH", result);
    assertThat(result.exitCode()).isEqualTo(127);
    assertThat(result.stateError())
        .contains("exec: \"nothere\": executable file not found in $PATH");
    assertThat(result.stderr()).contains("executable file not found in $PATH");
  }

  @Test
  void bomBeforeShebangFailsWithExecFormatError(DockerEngine docker, Fixtures fixtures) {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] script = "#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8);
    byte[] content = new byte[bom.length + script.length];
    System.arraycopy(bom, 0, content, 0, bom.length);
    System.arraycopy(script, 0, content, bom.length, script.length);
    ImageTarball image =
        ImageTarball.builder()
            .layer(fixtures.busyboxLayer("amd64"))
            .layer(Layer.builder().file("/entrypoint.sh", content, 0755).build())
            .entrypoint("/entrypoint.sh")
            .build();

    Container.Result result = run(docker, image);

    Observed.print("UTF-8 BOM before #!", result);
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr()).contains("exec /entrypoint.sh: exec format error");
  }

  @Test
  void shellFormCmdWithoutShellFailsWithNoSuchFile(DockerEngine docker, Fixtures fixtures) {
    ImageTarball image =
        ImageTarball.builder()
            .layer(Layer.builder().copy("/busybox", fixtures.busybox("amd64").file(), 0755).build())
            .shellCmd("/busybox echo hi")
            .build();

    Container.Result result = run(docker, image);

    Observed.print("shell-form CMD, no /bin/sh", result);
    assertThat(result.exitCode()).isEqualTo(127);
    assertThat(result.stateError())
        .contains("exec: \"/bin/sh\": stat /bin/sh: no such file or directory");
  }

  @Test
  void missingShebangInterpreterFailsWithNoSuchFile(DockerEngine docker, Fixtures fixtures) {
    ImageTarball image =
        ImageTarball.builder()
            .layer(fixtures.busyboxLayer("amd64"))
            .layer(Layer.builder().file("/entrypoint.sh", "#!/bin/bash\necho hi\n", 0755).build())
            .entrypoint("/entrypoint.sh")
            .build();

    Container.Result result = run(docker, image);

    Observed.print("shebang interpreter missing (#!/bin/bash)", result);
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr()).contains("exec /entrypoint.sh: no such file or directory");
  }

  @Test
  void dynamicBinaryWithoutLoaderFailsWithNoSuchFile(DockerEngine docker, Fixtures fixtures) {
    ImageTarball image =
        ImageTarball.builder()
            .layer(
                Layer.builder()
                    .copy("/usr/bin/hello", fixtures.get("hello.amd64").file(), 0755)
                    .build())
            .entrypoint("/usr/bin/hello")
            .build();

    Container.Result result = run(docker, image);

    Observed.print("glibc binary, no loader in image", result);
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr()).contains("exec /usr/bin/hello: no such file or directory");
  }

  @Test
  void dynamicBinaryWithLoaderAndLibcRuns(DockerEngine docker, Fixtures fixtures) {
    Fixtures.Fixture loader = fixtures.get("glibc-loader.amd64");
    Fixtures.Fixture libc = fixtures.get("glibc-libc.amd64");
    ImageTarball image =
        ImageTarball.builder()
            .layer(
                Layer.builder()
                    .copy("/usr/bin/hello", fixtures.get("hello.amd64").file(), 0755)
                    .copy(loader.imagePath(), loader.file(), 0755)
                    .copy(libc.imagePath(), libc.file(), 0644)
                    .build())
            .entrypoint("/usr/bin/hello")
            .build();

    Container.Result result = run(docker, image);

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.stdout()).isEqualTo("Hello, world!\n");
  }

  @Test
  void userWithoutExecPermissionFailsWithPermissionDenied(DockerEngine docker, Fixtures fixtures) {
    ImageTarball image =
        ImageTarball.builder()
            .layer(fixtures.busyboxLayer("amd64"))
            .layer(Layer.builder().file("/entrypoint.sh", "#!/bin/sh\necho hi\n", 0700).build())
            .user("1000:1000")
            .entrypoint("/entrypoint.sh")
            .build();

    Container.Result result = run(docker, image);

    Observed.print("USER 1000, script 0700 root:root", result);
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr()).contains("permission denied");
  }

  @Test
  void unknownUserNameFailsBeforeStart(DockerEngine docker, Fixtures fixtures) {
    ImageTarball image =
        ImageTarball.builder()
            .layer(fixtures.busyboxLayer("amd64"))
            .user("app")
            .entrypoint("/bin/busybox", "true")
            .build();

    Container.Result result = run(docker, image);

    Observed.print("USER app, no /etc/passwd", result);
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr()).contains("unable to find user app");
  }
}
