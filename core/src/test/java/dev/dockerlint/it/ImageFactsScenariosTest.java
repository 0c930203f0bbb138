package dev.dockerlint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockerlint.engine.Linter;
import dev.dockerlint.engine.Report;
import dev.dockerlint.image.ImageSourceSettings;
import dev.dockerlint.image.ImageSources;
import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.semantic.Platform;
import dev.dockerlint.testkit.Container;
import dev.dockerlint.testkit.DockerEngine;
import dev.dockerlint.testkit.DockerEngineExtension;
import dev.dockerlint.testkit.Fixtures;
import dev.dockerlint.testkit.FixturesExtension;
import dev.dockerlint.testkit.ImageTarball;
import dev.dockerlint.testkit.ManifestFormat;
import dev.dockerlint.testkit.ProcessRunner;
import dev.dockerlint.testkit.Registry;
import dev.dockerlint.testkit.RegistryExtension;
import dev.dockerlint.testkit.TestRegistries;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Image facts end to end: images the test loads into the real Docker Engine or pushes to the real
 * registries, a Dockerfile based on them, the diagnostics dockerlint gives through the real
 * sources, and what Docker really does with the same image.
 */
@ExtendWith({DockerEngineExtension.class, RegistryExtension.class, FixturesExtension.class})
class ImageFactsScenariosTest {
  private static final dev.dockerlint.testkit.Platform TK_ARM64 =
      dev.dockerlint.testkit.Platform.LINUX_ARM64;
  private static final dev.dockerlint.testkit.Platform TK_ARM_V7 =
      dev.dockerlint.testkit.Platform.LINUX_ARM_V7;

  @TempDir Path cache;

  private ImageSources sources(
      DockerEngine docker, ImageSourceSettings.Mode mode, boolean offline) {
    return ImageSources.open(
        ImageSourceSettings.defaults()
            .withMode(mode)
            .withOffline(offline)
            .withCacheDirectory(Optional.of(cache))
            .withDockerHost(Optional.of(docker.host())));
  }

  private static Report lint(String dockerfile, ImageSources sources, Platform target) {
    BuildOptions options = new BuildOptions(target, target, Map.of(), Optional.empty());
    return Linter.builtIn()
        .lint("Dockerfile", dockerfile, options, Optional.empty(), sources.source());
  }

  private static List<Diagnostic> codes(Report r, String code) {
    return r.diagnostics().stream().filter(d -> d.rule().code().equals(code)).toList();
  }

  private static String repo() {
    return "dockerlint-it/i" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static ImageTarball busybox(Fixtures f, String arch, dev.dockerlint.testkit.Platform p) {
    return ImageTarball.builder()
        .platform(p)
        .layer(f.busyboxLayer(arch))
        .env("PATH", "/bin")
        .entrypoint("/bin/busybox")
        .cmd("echo", "hi")
        .build();
  }

  @Test
  void aLocalImageOfAnotherArchitecturePredictsExecFormatErrorAndDockerAgrees(
      DockerEngine docker, Fixtures f) {
    String tag = docker.load(busybox(f, "arm64", TK_ARM64));
    try (ImageSources sources = sources(docker, ImageSourceSettings.Mode.DOCKER, false)) {
      Platform engine = sources.enginePlatform().orElseThrow();
      assumeTrue(engine.architecture().equals("amd64"), "needs an amd64 engine");
      Report r = lint("FROM " + tag + "\nCMD [\"echo\", \"hi\"]\n", sources, engine);
      List<Diagnostic> found = codes(r, "DKL1502");
      assertThat(found).hasSize(1);
      assertThat(found.get(0).message())
          .contains("was pulled with platform \"linux/arm64\", expected \"linux/amd64\"");
      assertThat(found.get(0).predicts()).contains(Predicts.EXEC_FORMAT_ERROR);
      assertThat(codes(r, "DKL1501")).isEmpty();
    }
    Container.Result run =
        docker.container(tag).command("echo", "hi").timeout(Duration.ofSeconds(60)).run();
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.stderr()).contains("exec format error");
  }

  @Test
  void anIndexWithoutTheTargetPlatformIsReportedAndDockerCannotPullIt(
      DockerEngine docker, TestRegistries regs, Fixtures f) {
    Registry r = regs.anonymous();
    String repo = repo();
    r.pushIndex(
        repo,
        "multi",
        ManifestFormat.OCI,
        List.of(
            Registry.IndexEntry.of(busybox(f, "arm64", TK_ARM64)),
            Registry.IndexEntry.of(busybox(f, "armhf", TK_ARM_V7))));
    String ref = r.reference(repo, "multi");
    String dockerfile = "FROM " + ref + "\nRUN echo hi\n";
    try (ImageSources sources = sources(docker, ImageSourceSettings.Mode.REGISTRY, false)) {
      List<Diagnostic> found = codes(lint(dockerfile, sources, Platform.LINUX_AMD64), "DKL1502");
      assertThat(found).hasSize(1);
      assertThat(found.get(0).message())
          .contains("offers no variant for platform \"linux/amd64\"")
          .contains("linux/arm64, linux/arm/v7")
          .contains("no match for platform in manifest");
    }
    ProcessRunner.Result pull =
        docker.pull(ref, Optional.of(dev.dockerlint.testkit.Platform.LINUX_AMD64));
    assertThat(pull.ok()).isFalse();
    assertThat(pull.stderr()).contains("no matching manifest for linux/amd64");
    try (ImageSources offline = sources(docker, ImageSourceSettings.Mode.AUTO, true)) {
      assertThat(codes(lint(dockerfile, offline, Platform.LINUX_AMD64), "DKL1502"))
          .as("the answer comes from the cache when offline")
          .hasSize(1);
    }
  }

  @Test
  void aMatchingIndexEntryIsSilentAndRunsForThatPlatform(
      DockerEngine docker, TestRegistries regs, Fixtures f) {
    Registry r = regs.anonymous();
    String repo = repo();
    r.pushIndex(
        repo,
        "multi",
        ManifestFormat.DOCKER,
        List.of(
            Registry.IndexEntry.of(busybox(f, "arm64", TK_ARM64)),
            Registry.IndexEntry.of(
                busybox(f, "amd64", dev.dockerlint.testkit.Platform.LINUX_AMD64))));
    String ref = r.reference(repo, "multi");
    try (ImageSources sources = sources(docker, ImageSourceSettings.Mode.AUTO, false)) {
      Report rep = lint("FROM " + ref + "\nRUN echo hi\n", sources, Platform.LINUX_AMD64);
      assertThat(codes(rep, "DKL1502")).isEmpty();
      assertThat(codes(rep, "DKL1501")).isEmpty();
    }
    assertThat(docker.pull(ref, Optional.of(dev.dockerlint.testkit.Platform.LINUX_AMD64)).ok())
        .isTrue();
    Container.Result run =
        docker.container(ref).command("echo", "hi").timeout(Duration.ofSeconds(60)).run();
    assertThat(run.exitCode()).isZero();
    assertThat(run.stdout()).contains("hi");
  }

  @Test
  void anImageBehindCredentialsIsNamedOnceWithTheReasonAndDockerAgrees(
      DockerEngine docker, TestRegistries regs, Fixtures f) {
    Registry r = regs.authenticated();
    String repo = repo();
    r.pushImage(
        repo,
        "v1",
        busybox(f, "amd64", dev.dockerlint.testkit.Platform.LINUX_AMD64),
        ManifestFormat.OCI);
    String ref = r.reference(repo, "v1");
    try (ImageSources sources = sources(docker, ImageSourceSettings.Mode.AUTO, false)) {
      Report rep =
          lint(
              "FROM " + ref + " AS a\nRUN true\nFROM " + ref + "\nCOPY --from=a / /\n",
              sources,
              Platform.LINUX_AMD64);
      List<Diagnostic> info = codes(rep, "DKL1501");
      assertThat(info).hasSize(1);
      assertThat(info.get(0).message())
          .contains("Could not inspect base image " + ref)
          .contains("not in the Docker Engine's image store")
          .contains("requires credentials")
          .contains("docker login " + r.address());
      // the look-ups of its config and of its files failed alike: the reason is given once
      assertThat(info.get(0).message().split("requires credentials", -1)).hasSize(2);
      assertThat(codes(rep, "DKL1502")).isEmpty();
    }
    ProcessRunner.Result pull = docker.pull(ref, Optional.empty());
    assertThat(pull.ok()).isFalse();
    assertThat(pull.stderr()).contains("no basic auth credentials");
  }

  @Test
  void theFileIndexFromTheEngineAgreesWithWhatDockerRunMeets(DockerEngine docker, Fixtures f) {
    ImageTarball img =
        ImageTarball.builder()
            .platform(dev.dockerlint.testkit.Platform.LINUX_AMD64)
            .layer(f.busyboxLayer("amd64"))
            .layer(
                dev.dockerlint.testkit.Layer.builder()
                    .file("/needs-bash.sh", "#!/bin/bash\necho hi\n", 0755)
                    .copy("/usr/bin/hello", f.get("hello.amd64").file(), 0755)
                    .build())
            .build();
    String tag = docker.load(img);
    dev.dockerlint.image.FileIndex files;
    try (ImageSources sources = sources(docker, ImageSourceSettings.Mode.DOCKER, false)) {
      dev.dockerlint.image.Lookup l =
          sources
              .source()
              .lookup(
                  dev.dockerlint.semantic.ImageRef.parse(tag).orElseThrow(),
                  Platform.LINUX_AMD64,
                  true);
      files = ((dev.dockerlint.image.Lookup.Found) l).image().files().orElseThrow();
    }
    // the shell resolves through its symlink to a static amd64 ELF: it runs
    var sh = files.resolve("/bin/sh").orElseThrow();
    assertThat(sh.executable()).isTrue();
    assertThat(sh.facts().orElseThrow().elf().orElseThrow().architecture()).contains("amd64");
    assertThat(docker.container(tag).entrypoint("/bin/sh").command("-c", "echo ok").run().stdout())
        .contains("ok");
    // the script's interpreter is missing: no such file or directory
    String interpreter =
        files
            .get("/needs-bash.sh")
            .orElseThrow()
            .facts()
            .orElseThrow()
            .shebang()
            .orElseThrow()
            .interpreter();
    assertThat(files.resolve(interpreter)).isEmpty();
    assertThat(docker.container(tag).entrypoint("/needs-bash.sh").run().stderr())
        .contains("no such file or directory");
    // the glibc binary's loader is missing: no such file or directory too
    String loader =
        files
            .get("/usr/bin/hello")
            .orElseThrow()
            .facts()
            .orElseThrow()
            .elf()
            .orElseThrow()
            .interpreter()
            .orElseThrow();
    assertThat(loader).isEqualTo("/lib64/ld-linux-x86-64.so.2");
    assertThat(files.resolve(loader)).isEmpty();
    assertThat(docker.container(tag).entrypoint("/usr/bin/hello").run().stderr())
        .contains("exec /usr/bin/hello: no such file or directory");
  }

  @Test
  void shellFormInAShellLessRegistryImageIsAnErrorAndDockerAgrees(
      DockerEngine docker, TestRegistries regs, Fixtures f) {
    Registry r = regs.anonymous();
    String repo = repo();
    ImageTarball shellLess =
        ImageTarball.builder()
            .platform(dev.dockerlint.testkit.Platform.LINUX_AMD64)
            .layer(
                dev.dockerlint.testkit.Layer.builder()
                    .copy("/busybox", f.busybox("amd64").file(), 0755)
                    .build())
            .build();
    r.pushImage(repo, "v1", shellLess, ManifestFormat.OCI);
    String ref = r.reference(repo, "v1");
    String dockerfile = "FROM " + ref + "\nCMD /busybox echo hi\n";
    try (ImageSources sources = sources(docker, ImageSourceSettings.Mode.REGISTRY, false)) {
      Report rep = lint(dockerfile, sources, Platform.LINUX_AMD64);
      List<Diagnostic> found = codes(rep, "DKL1001");
      assertThat(found).hasSize(1);
      assertThat(found.get(0).message())
          .contains("this stage has no /bin/sh")
          .contains("stat /bin/sh: no such file or directory");
      assertThat(found.get(0).predicts()).contains(Predicts.NO_SUCH_FILE);
      assertThat(codes(rep, "DKL1501")).isEmpty();
    }
    assertThat(docker.pull(ref, Optional.empty()).ok()).isTrue();
    Container.Result run =
        docker
            .container(ref)
            .entrypoint("/bin/sh")
            .command("-c", "/busybox echo hi")
            .timeout(Duration.ofSeconds(60))
            .run();
    assertThat(run.exitCode()).isEqualTo(127);
    assertThat(run.stderr()).contains("exec: \"/bin/sh\": stat /bin/sh: no such file or directory");
  }

  @Test
  void interpretersAndLoadersMissingFromTheBaseImageArePredictedAndDockerAgrees(
      DockerEngine docker, Fixtures f) {
    ImageTarball base =
        ImageTarball.builder()
            .platform(dev.dockerlint.testkit.Platform.LINUX_AMD64)
            .layer(f.busyboxLayer("amd64"))
            .layer(
                dev.dockerlint.testkit.Layer.builder()
                    .file("/needs-bash.sh", "#!/bin/bash\necho hi\n", 0755)
                    .copy("/usr/bin/hello", f.get("hello.amd64").file(), 0755)
                    .build())
            .env("PATH", "/usr/bin:/bin")
            .build();
    String tag = docker.load(base);
    try (ImageSources sources = sources(docker, ImageSourceSettings.Mode.DOCKER, false)) {
      Report script =
          lint(
              "FROM " + tag + "\nENTRYPOINT [\"/needs-bash.sh\"]\n", sources, Platform.LINUX_AMD64);
      List<Diagnostic> interp = codes(script, "DKL1306");
      assertThat(interp).hasSize(1);
      assertThat(interp.get(0).message()).contains("/bin/bash");
      assertThat(interp.get(0).predicts()).contains(Predicts.NO_SUCH_FILE);
      Report binary =
          lint(
              "FROM " + tag + "\nENTRYPOINT [\"/usr/bin/hello\"]\n", sources, Platform.LINUX_AMD64);
      List<Diagnostic> loader = codes(binary, "DKL1308");
      assertThat(loader).hasSize(1);
      assertThat(loader.get(0).message()).contains("/lib64/ld-linux-x86-64.so.2");
      assertThat(codes(script, "DKL1501")).isEmpty();
    }
    assertThat(docker.container(tag).entrypoint("/needs-bash.sh").run().stderr())
        .contains("exec /needs-bash.sh: no such file or directory");
    assertThat(docker.container(tag).entrypoint("/usr/bin/hello").run().stderr())
        .contains("exec /usr/bin/hello: no such file or directory");
  }

  @Test
  void offlineWithoutACacheEntrySaysSo(DockerEngine docker, TestRegistries regs) {
    String ref = regs.anonymous().reference(repo(), "never-pushed");
    try (ImageSources sources = sources(docker, ImageSourceSettings.Mode.AUTO, true)) {
      List<Diagnostic> info =
          codes(lint("FROM " + ref + "\n", sources, Platform.LINUX_AMD64), "DKL1501");
      assertThat(info).hasSize(1);
      assertThat(info.get(0).message()).contains("offline (--offline), and not in the image cache");
    }
  }
}
