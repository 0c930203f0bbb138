package dev.dockerlint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockerlint.engine.ImageChecker;
import dev.dockerlint.image.ImageSourceSettings;
import dev.dockerlint.image.ImageSources;
import dev.dockerlint.output.FileResult;
import dev.dockerlint.registry.RuleRegistry;
import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.semantic.Platform;
import dev.dockerlint.testkit.Container;
import dev.dockerlint.testkit.DockerEngine;
import dev.dockerlint.testkit.DockerEngineExtension;
import dev.dockerlint.testkit.Fixtures;
import dev.dockerlint.testkit.FixturesExtension;
import dev.dockerlint.testkit.ImageTarball;
import dev.dockerlint.testkit.Layer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dockerlint image} on the real Docker Engine: for each way a built image fails to start, an
 * image the test loads into the engine, the finding dockerlint gives about it, and {@code docker
 * run} failing with the predicted error; then its good twin, which dockerlint passes and which
 * runs.
 */
@ExtendWith({DockerEngineExtension.class, FixturesExtension.class})
class ImageCheckScenariosTest {
  private static final dev.dockerlint.testkit.Platform AMD64 =
      dev.dockerlint.testkit.Platform.LINUX_AMD64;

  @TempDir Path cache;

  private DockerEngine docker;
  private Fixtures fixtures;

  @BeforeEach
  void amd64Engine(DockerEngine docker, Fixtures fixtures) {
    this.docker = docker;
    this.fixtures = fixtures;
    assumeTrue(
        docker
            .docker(DockerEngine.SHORT, "version", "--format", "{{.Server.Arch}}")
            .stdout()
            .strip()
            .equals("amd64"),
        "the scenarios use amd64 binaries as the native ones");
  }

  private List<FileResult> check(String ref, boolean allBinaries) {
    try (ImageSources sources =
        ImageSources.open(
            ImageSourceSettings.defaults()
                .withMode(ImageSourceSettings.Mode.DOCKER)
                .withCacheDirectory(Optional.of(cache))
                .withDockerHost(Optional.of(docker.host())))) {
      return new ImageChecker(
              RuleRegistry.builtIn(),
              sources,
              new ImageChecker.Options(List.of(), allBinaries, false))
          .check(ref);
    }
  }

  private static List<Diagnostic> diagnostics(List<FileResult> results) {
    assertThat(results).hasSize(1);
    assertThat(results.get(0).error()).isEmpty();
    return results.get(0).diagnostics();
  }

  /** A busybox image (amd64 unless said) with {@code extra} on top and {@code config} applied. */
  private ImageTarball image(
      Function<Layer.Builder, Layer.Builder> extra,
      Function<ImageTarball.Builder, ImageTarball.Builder> config) {
    ImageTarball.Builder b =
        ImageTarball.builder()
            .platform(AMD64)
            .layer(fixtures.busyboxLayer("amd64"))
            .layer(extra.apply(Layer.builder()).build())
            .env("PATH", "/usr/local/bin:/usr/bin:/bin");
    return config.apply(b).build();
  }

  /**
   * Checks {@code bad} and {@code good}: the bad image gets exactly one finding, of {@code code}
   * and predicting {@code predicts}, and {@code docker run} fails with that error; the good twin
   * gets none and runs.
   */
  private void scenario(ImageTarball bad, ImageTarball good, String code, String predicts) {
    String badTag = docker.load(bad);
    List<Diagnostic> found = diagnostics(check(badTag, false));
    assertThat(found).extracting(d -> d.rule().code()).containsExactly(code);
    assertThat(found.get(0).predicts().map(Predicts::text)).contains(predicts);
    assertThat(found.get(0).image()).isPresent();
    Container.Result run = docker.container(badTag).timeout(Duration.ofSeconds(60)).run();
    assertThat(run.exitCode()).as(run.output()).isNotZero();
    assertThat(run.stderr() + run.stateError()).contains(predicts);

    String goodTag = docker.load(good);
    assertThat(diagnostics(check(goodTag, false))).isEmpty();
    Container.Result ok = docker.container(goodTag).timeout(Duration.ofSeconds(60)).run();
    assertThat(ok.exitCode()).as(ok.output()).isZero();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aBinaryOfAnotherArchitectureFailsWithExecFormatError() {
    ImageTarball bad =
        ImageTarball.builder()
            .platform(AMD64)
            .layer(fixtures.busyboxLayer("arm64"))
            .entrypoint("/bin/busybox")
            .cmd("true")
            .build();
    ImageTarball good =
        ImageTarball.builder()
            .platform(AMD64)
            .layer(fixtures.busyboxLayer("amd64"))
            .entrypoint("/bin/busybox")
            .cmd("true")
            .build();
    scenario(bad, good, "DKL1600", "exec format error");
    List<Diagnostic> found = diagnostics(check(docker.load(bad), false));
    assertThat(found.get(0).image().get().path()).isEqualTo("/bin/busybox");
    assertThat(found.get(0).image().get().found()).contains("linux/arm64");
    assertThat(found.get(0).image().get().expected()).contains("linux/amd64");
  }

  @Test
  void aScriptWithoutShebangFailsWithExecFormatError() {
    scenario(
        image(l -> l.file("/app.sh", "echo hi\n", 0755), c -> c.entrypoint("/app.sh")),
        image(l -> l.file("/app.sh", "#!/bin/sh\necho hi\n", 0755), c -> c.entrypoint("/app.sh")),
        "DKL1601",
        "exec format error");
  }

  @Test
  void aByteOrderMarkBeforeTheShebangFailsWithExecFormatError() {
    scenario(
        image(
            l -> l.file("/app.sh", "\uFEFF#!/bin/sh\necho hi\n", 0755),
            c -> c.entrypoint("/app.sh")),
        image(l -> l.file("/app.sh", "#!/bin/sh\necho hi\n", 0755), c -> c.entrypoint("/app.sh")),
        "DKL1602",
        "exec format error");
  }

  @Test
  void aCrlfShebangFailsWithNoSuchFile() {
    scenario(
        image(
            l -> l.file("/app.sh", "#!/bin/sh\r\necho hi\r\n", 0755), c -> c.entrypoint("/app.sh")),
        image(l -> l.file("/app.sh", "#!/bin/sh\necho hi\n", 0755), c -> c.entrypoint("/app.sh")),
        "DKL1603",
        "no such file or directory");
  }

  @Test
  void aProgramWithoutExecuteBitFailsWithPermissionDenied() {
    scenario(
        image(l -> l.file("/app.sh", "#!/bin/sh\necho hi\n", 0644), c -> c.entrypoint("/app.sh")),
        image(l -> l.file("/app.sh", "#!/bin/sh\necho hi\n", 0755), c -> c.entrypoint("/app.sh")),
        "DKL1604",
        "permission denied");
  }

  @Test
  void aProgramOnlyItsOwnerMayRunFailsForAnotherUserWithPermissionDenied() {
    scenario(
        image(
            l -> l.file("/app.sh", "#!/bin/sh\necho hi\n", 0700, 0, 0),
            c -> c.entrypoint("/app.sh").user("1000:1000")),
        image(
            l -> l.file("/app.sh", "#!/bin/sh\necho hi\n", 0700, 1000, 1000),
            c -> c.entrypoint("/app.sh").user("1000:1000")),
        "DKL1604",
        "permission denied");
  }

  @Test
  void aProgramInNoDirectoryOfPathIsNotFoundInPath() {
    scenario(
        image(
            l -> l.directory("/opt/app", 0755).file("/opt/app/serve", "#!/bin/sh\necho hi\n", 0755),
            c -> c.entrypoint("serve")),
        image(
            l -> l.directory("/opt/app", 0755).file("/opt/app/serve", "#!/bin/sh\necho hi\n", 0755),
            c -> c.entrypoint("serve").env("PATH", "/opt/app:/bin")),
        "DKL1605",
        "executable file not found in $PATH");
  }

  @Test
  void aMissingInterpreterFailsWithNoSuchFile() {
    scenario(
        image(l -> l.file("/app.sh", "#!/bin/bash\necho hi\n", 0755), c -> c.entrypoint("/app.sh")),
        image(l -> l.file("/app.sh", "#!/bin/sh\necho hi\n", 0755), c -> c.entrypoint("/app.sh")),
        "DKL1606",
        "no such file or directory");
  }

  @Test
  void aShellFormCommandWithoutShellFailsWithNoSuchFile() {
    Layer noShell =
        Layer.builder()
            .directory("/usr/bin", 0755)
            .copy("/usr/bin/busybox", fixtures.busybox("amd64").file(), 0755)
            .build();
    ImageTarball bad =
        ImageTarball.builder()
            .platform(AMD64)
            .layer(noShell)
            .env("PATH", "/usr/bin")
            .shellCmd("busybox true")
            .build();
    ImageTarball good =
        ImageTarball.builder()
            .platform(AMD64)
            .layer(noShell)
            .layer(
                Layer.builder()
                    .directory("/bin", 0755)
                    .symlink("/bin/sh", "/usr/bin/busybox")
                    .build())
            .env("PATH", "/usr/bin")
            .shellCmd("busybox true")
            .build();
    scenario(bad, good, "DKL1607", "no such file or directory");
  }

  @Test
  void aDynamicBinaryWithoutItsLoaderFailsWithNoSuchFile() {
    Fixtures.Fixture hello = fixtures.get("hello.amd64");
    Layer app =
        Layer.builder()
            .directory("/usr", 0755)
            .directory("/usr/bin", 0755)
            .copy("/usr/bin/hello", hello.file(), 0755)
            .build();
    Layer glibc =
        Layer.builder()
            .directory("/lib64", 0755)
            .directory("/lib", 0755)
            .directory("/lib/x86_64-linux-gnu", 0755)
            .copy("/lib64/ld-linux-x86-64.so.2", fixtures.get("glibc-loader.amd64").file(), 0755)
            .copy("/lib/x86_64-linux-gnu/libc.so.6", fixtures.get("glibc-libc.amd64").file(), 0755)
            .build();
    ImageTarball bad =
        ImageTarball.builder().platform(AMD64).layer(app).entrypoint("/usr/bin/hello").build();
    ImageTarball good =
        ImageTarball.builder()
            .platform(AMD64)
            .layer(app)
            .layer(glibc)
            .entrypoint("/usr/bin/hello")
            .build();
    scenario(bad, good, "DKL1608", "no such file or directory");
  }

  @Test
  void anUnknownUserFailsWithNoPasswdEntry() {
    scenario(
        image(
            l ->
                l.directory("/etc", 0755)
                    .file("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\n", 0644)
                    .file("/etc/group", "root:x:0:\n", 0644),
            c -> c.entrypoint("/bin/busybox", "true").user("app")),
        image(
            l ->
                l.directory("/etc", 0755)
                    .file(
                        "/etc/passwd",
                        "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\n",
                        0644)
                    .file("/etc/group", "root:x:0:\napp:x:1000:\n", 0644),
            c -> c.entrypoint("/bin/busybox", "true").user("app")),
        "DKL1610",
        "no matching entries in passwd file");
  }

  @Test
  void aHealthCheckIsResolvedLikeTheCommand() {
    String tag =
        docker.load(
            image(
                l -> l,
                c ->
                    c.entrypoint("/bin/busybox", "sleep", "60")
                        .healthcheck("CMD", "/usr/local/bin/probe", "--ready")));
    List<Diagnostic> found = diagnostics(check(tag, false));
    assertThat(found).extracting(d -> d.rule().code()).containsExactly("DKL1605");
    assertThat(found.get(0).message()).contains("/usr/local/bin/probe");
    assertThat(found.get(0).predicts().map(Predicts::text)).contains("no such file or directory");
    // the engine runs the probe and cannot start it, for the reason predicted
    Container.HealthProbe probe =
        docker.container(tag).timeout(Duration.ofSeconds(60)).firstHealthProbe();
    assertThat(probe.exitCode()).as(probe.output()).isNotZero();
    assertThat(probe.output()).contains("/usr/local/bin/probe", "no such file or directory");

    String fine =
        docker.load(
            image(
                l -> l,
                c -> c.entrypoint("/bin/busybox", "sleep", "60").healthcheck("CMD-SHELL", "true")));
    assertThat(diagnostics(check(fine, false))).isEmpty();
    Container.HealthProbe healthy =
        docker.container(fine).timeout(Duration.ofSeconds(60)).firstHealthProbe();
    assertThat(healthy.exitCode()).as(healthy.output()).isZero();
    assertThat(healthy.status()).isEqualTo("healthy");
  }

  @Test
  void allBinariesAlsoChecksElfFilesTheContainerDoesNotStart() {
    String tag =
        docker.load(
            image(
                l ->
                    l.directory("/opt", 0755)
                        .copy("/opt/tool", fixtures.busybox("arm64").file(), 0755),
                c -> c.entrypoint("/bin/busybox", "true")));
    assertThat(diagnostics(check(tag, false))).isEmpty();
    List<Diagnostic> all = diagnostics(check(tag, true));
    assertThat(all).extracting(d -> d.rule().code()).containsExactly("DKL1600");
    assertThat(all.get(0).image().get().path()).isEqualTo("/opt/tool");
    assertThat(all.get(0).image().get().found()).contains("linux/arm64");
    Container.Result run =
        docker
            .container(tag)
            .entrypoint("/opt/tool")
            .command("true")
            .timeout(Duration.ofSeconds(60))
            .run();
    assertThat(run.stderr() + run.stateError()).contains("exec format error");
  }

  @Test
  void anImageTheEngineLacksIsOneLineAndNotAnException() {
    List<FileResult> r = check("dockerlint-it/not-there:1", false);
    assertThat(r).hasSize(1);
    assertThat(r.get(0).error()).hasValueSatisfying(e -> assertThat(e).doesNotContain("\n"));
    assertThat(r.get(0).error().get()).contains("dockerlint-it/not-there:1");
  }

  @Test
  void dockerSaveArchivesAreCheckedLikeTheEngineImage(@TempDir Path dir) {
    String tag =
        docker.load(
            image(
                l -> l.file("/app.sh", "#!/bin/sh\r\necho hi\r\n", 0755),
                c -> c.entrypoint("/app.sh")));
    Path tar = dir.resolve("image.tar");
    assertThat(docker.docker(DockerEngine.LONG, "save", "-o", tar.toString(), tag).ok()).isTrue();
    List<Diagnostic> found = diagnostics(check("docker-archive:" + tar, false));
    assertThat(found).extracting(d -> d.rule().code()).containsExactly("DKL1603");
    assertThat(found.get(0).image().get().platform()).isEqualTo(Platform.LINUX_AMD64.toString());
  }

  @Test
  void aSharedLibraryOfAnotherArchitectureFailsToLoad() {
    Layer app =
        Layer.builder()
            .directory("/usr", 0755)
            .directory("/usr/bin", 0755)
            .copy("/usr/bin/hello", fixtures.get("hello.amd64").file(), 0755)
            .directory("/lib64", 0755)
            .copy("/lib64/ld-linux-x86-64.so.2", fixtures.get("glibc-loader.amd64").file(), 0755)
            .directory("/lib", 0755)
            .directory("/lib/x86_64-linux-gnu", 0755)
            .build();
    ImageTarball bad =
        ImageTarball.builder()
            .platform(AMD64)
            .layer(app)
            .layer(
                Layer.builder()
                    .copy(
                        "/lib/x86_64-linux-gnu/libc.so.6",
                        fixtures.get("glibc-libc.arm64").file(),
                        0755)
                    .build())
            .entrypoint("/usr/bin/hello")
            .build();
    String tag = docker.load(bad);
    List<Diagnostic> found = diagnostics(check(tag, false));
    assertThat(found).extracting(d -> d.rule().code()).containsExactly("DKL1600");
    assertThat(found.get(0).image().get().path()).isEqualTo("/lib/x86_64-linux-gnu/libc.so.6");
    assertThat(found.get(0).image().get().found()).contains("linux/arm64");
    assertThat(found.get(0).message()).contains("libc.so.6");
    Container.Result run = docker.container(tag).timeout(Duration.ofSeconds(60)).run();
    assertThat(run.exitCode()).as(run.output()).isNotZero();
    assertThat(run.stderr())
        .contains(
            "error while loading shared libraries: libc.so.6: cannot open shared object file");
  }

  @Test
  void aProgramEnvCannotFindIsAMissingInterpreter() {
    String tag =
        docker.load(
            image(
                l ->
                    l.directory("/usr", 0755)
                        .directory("/usr/bin", 0755)
                        .symlink("/usr/bin/env", "/bin/busybox")
                        .file("/app.py", "#!/usr/bin/env python3\nprint('hi')\n", 0755),
                c -> c.entrypoint("/app.py")));
    List<Diagnostic> found = diagnostics(check(tag, false));
    assertThat(found).extracting(d -> d.rule().code()).containsExactly("DKL1606");
    assertThat(found.get(0).message()).contains("python3");
    Container.Result run = docker.container(tag).timeout(Duration.ofSeconds(60)).run();
    assertThat(run.exitCode()).as(run.output()).isNotZero();
    assertThat(run.stderr()).contains("python3");
  }
}
