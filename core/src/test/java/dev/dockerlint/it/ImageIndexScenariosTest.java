package dev.dockerlint.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.engine.ImageChecker;
import dev.dockerlint.image.ImageSourceSettings;
import dev.dockerlint.image.ImageSources;
import dev.dockerlint.image.cache.DiskCache;
import dev.dockerlint.output.FileResult;
import dev.dockerlint.registry.RuleRegistry;
import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.semantic.Platform;
import dev.dockerlint.testkit.Container;
import dev.dockerlint.testkit.DockerEngine;
import dev.dockerlint.testkit.DockerEngineExtension;
import dev.dockerlint.testkit.Fixtures;
import dev.dockerlint.testkit.FixturesExtension;
import dev.dockerlint.testkit.ImageIndex;
import dev.dockerlint.testkit.ImageTarball;
import dev.dockerlint.testkit.Layer;
import dev.dockerlint.testkit.ManifestFormat;
import dev.dockerlint.testkit.Registry;
import dev.dockerlint.testkit.RegistryExtension;
import dev.dockerlint.testkit.TestRegistries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dockerlint image} on multi-platform images: an index pushed to the real registry, and the
 * same images as an OCI layout on disk. Each platform is checked on its own.
 */
@ExtendWith({DockerEngineExtension.class, RegistryExtension.class, FixturesExtension.class})
class ImageIndexScenariosTest {
  private static final dev.dockerlint.testkit.Platform AMD64 =
      dev.dockerlint.testkit.Platform.LINUX_AMD64;
  private static final dev.dockerlint.testkit.Platform ARM64 =
      dev.dockerlint.testkit.Platform.LINUX_ARM64;

  @TempDir Path cache;

  private List<FileResult> check(String ref, List<Platform> platforms) {
    try (ImageSources sources =
        ImageSources.open(
            ImageSourceSettings.defaults()
                .withMode(ImageSourceSettings.Mode.REGISTRY)
                .withCacheDirectory(Optional.of(cache)))) {
      return new ImageChecker(
              RuleRegistry.builtIn(), sources, new ImageChecker.Options(platforms, false, false))
          .check(ref);
    }
  }

  private static String repo() {
    return "dockerlint-it/v" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * An image for {@code platform} whose busybox is for {@code busyboxArch} and whose entrypoint,
   * {@code /usr/local/bin/busybox}, is the busybox of {@code appArch}.
   */
  private static ImageTarball app(
      Fixtures f, dev.dockerlint.testkit.Platform platform, String busyboxArch, String appArch) {
    return ImageTarball.builder()
        .platform(platform)
        .layer(f.busyboxLayer(busyboxArch))
        .layer(
            Layer.builder()
                .directory("/usr", 0755)
                .directory("/usr/local", 0755)
                .directory("/usr/local/bin", 0755)
                .copy("/usr/local/bin/busybox", f.busybox(appArch).file(), 0755)
                .build())
        .entrypoint("/usr/local/bin/busybox")
        .cmd("true")
        .build();
  }

  private static List<Diagnostic> only(List<FileResult> results, String display) {
    FileResult r = results.stream().filter(x -> x.path().equals(display)).findFirst().orElseThrow();
    assertThat(r.error()).isEmpty();
    return r.diagnostics();
  }

  @Test
  void anAmd64BinaryInTheArm64VariantIsReportedForArm64Only(
      TestRegistries regs, Fixtures f, DockerEngine docker) {
    Registry r = regs.anonymous();
    String repo = repo();
    r.pushIndex(
        repo,
        "1.0",
        ManifestFormat.OCI,
        List.of(
            Registry.IndexEntry.of(app(f, AMD64, "amd64", "amd64")),
            Registry.IndexEntry.of(app(f, ARM64, "arm64", "amd64"))));
    String ref = r.reference(repo, "1.0");

    List<FileResult> results = check(ref, List.of());
    assertThat(results)
        .extracting(FileResult::path)
        .containsExactly(ref + " (linux/amd64)", ref + " (linux/arm64)");
    assertThat(only(results, ref + " (linux/amd64)")).isEmpty();
    List<Diagnostic> arm = only(results, ref + " (linux/arm64)");
    assertThat(arm).extracting(d -> d.rule().code()).containsExactly("DKL1600");
    assertThat(arm.get(0).image().get().path()).isEqualTo("/usr/local/bin/busybox");
    assertThat(arm.get(0).image().get().found()).contains("linux/amd64");
    assertThat(arm.get(0).image().get().expected()).contains("linux/arm64");
    assertThat(arm.get(0).message()).contains("GOARCH");

    assertThat(check(ref, List.of(Platform.LINUX_AMD64)))
        .extracting(FileResult::path)
        .containsExactly(ref + " (linux/amd64)");

    // the variant dockerlint passes runs where Docker picks it
    assertThat(docker.pull(ref, Optional.of(AMD64)).ok()).isTrue();
    Container.Result run =
        docker.container(ref).platform(AMD64).timeout(Duration.ofSeconds(60)).run();
    assertThat(run.exitCode()).as(run.output()).isZero();

    // the engine now holds the amd64 variant under that name; arm64 still comes from the registry
    try (ImageSources both =
        ImageSources.open(
            ImageSourceSettings.defaults()
                .withMode(ImageSourceSettings.Mode.AUTO)
                .withCacheDirectory(Optional.of(cache))
                .withDockerHost(Optional.of(docker.host())))) {
      ImageChecker checker =
          new ImageChecker(
              RuleRegistry.builtIn(),
              both,
              new ImageChecker.Options(List.of(Platform.LINUX_ARM64), false, false));
      assertThat(only(checker.check(ref), ref + " (linux/arm64)"))
          .extracting(d -> d.rule().code())
          .containsExactly("DKL1600");
    }
  }

  @Test
  void anIndexEntryClaimingAnotherPlatformThanItsConfigIsReported(TestRegistries regs, Fixtures f) {
    Registry r = regs.anonymous();
    String repo = repo();
    r.pushIndex(
        repo,
        "1.0",
        ManifestFormat.DOCKER,
        List.of(
            Registry.IndexEntry.of(app(f, AMD64, "amd64", "amd64")),
            new Registry.IndexEntry(app(f, AMD64, "amd64", "amd64"), ARM64)));
    String ref = r.reference(repo, "1.0");
    List<Diagnostic> arm = only(check(ref, List.of()), ref + " (linux/arm64)");
    assertThat(arm).extracting(d -> d.rule().code()).contains("DKL1609", "DKL1600");
    assertThat(
            arm.stream()
                .filter(d -> d.rule().code().equals("DKL1609"))
                .findFirst()
                .orElseThrow()
                .message())
        .contains("linux/arm64")
        .contains("linux/amd64");
  }

  @Test
  void theFileIndexIsReadOnceAndThenComesFromTheCache(TestRegistries regs, Fixtures f) {
    Registry r = regs.anonymous();
    String repo = repo();
    ImageTarball image = app(f, AMD64, "amd64", "arm64");
    r.pushImage(repo, "1.0", image, ManifestFormat.OCI);
    String ref = r.reference(repo, "1.0");
    DiskCache disk = new DiskCache(cache, Duration.ofHours(6), Clock.systemUTC());
    assertThat(disk.files(image.id().toString())).isEmpty();
    List<Diagnostic> first = only(check(ref, List.of()), ref + " (linux/amd64)");
    assertThat(disk.files(image.id().toString())).isPresent();
    assertThat(only(check(ref, List.of()), ref + " (linux/amd64)")).isEqualTo(first);
  }

  @Test
  void aTwoPlatformOciLayoutIsCheckedPerPlatform(@TempDir Path dir, Fixtures f) throws IOException {
    ImageTarball amd = app(f, AMD64, "amd64", "amd64");
    ImageTarball arm = app(f, ARM64, "arm64", "amd64");
    amd.writeOciLayout(dir);
    arm.writeOciLayout(dir);
    ImageIndex index =
        ImageIndex.of(
            ManifestFormat.OCI,
            List.of(
                amd.manifestDescriptor(ManifestFormat.OCI).withPlatform(AMD64),
                arm.manifestDescriptor(ManifestFormat.OCI).withPlatform(ARM64)));
    Files.write(dir.resolve("index.json"), index.json());
    String ref = "oci:" + dir;
    List<FileResult> results = check(ref, List.of());
    assertThat(only(results, ref + " (linux/amd64)")).isEmpty();
    assertThat(only(results, ref + " (linux/arm64)"))
        .extracting(d -> d.rule().code())
        .containsExactly("DKL1600");
  }

  @Test
  void anOciLayoutWhoseBlobsDoNotMatchTheirDigestsIsRefused(@TempDir Path dir, Fixtures f)
      throws IOException {
    ImageTarball amd = app(f, AMD64, "amd64", "amd64");
    ImageTarball arm = app(f, ARM64, "arm64", "arm64");
    amd.writeOciLayout(dir);
    arm.writeOciLayout(dir);
    Path blobs = dir.resolve("blobs").resolve("sha256");
    String ref = "oci:" + dir;
    Files.write(
        dir.resolve("index.json"),
        ImageIndex.of(
                ManifestFormat.OCI,
                List.of(amd.manifestDescriptor(ManifestFormat.OCI).withPlatform(AMD64)))
            .json());
    assertThat(check(ref, List.of()))
        .singleElement()
        .satisfies(r -> assertThat(r.error()).isEmpty());

    // the amd64 image's second layer swapped for the arm64 image's: read, then refused
    Path layer = blobs.resolve(amd.layerDescriptors(ManifestFormat.OCI).get(1).digest().hex());
    byte[] original = Files.readAllBytes(layer);
    Files.copy(
        blobs.resolve(arm.layerDescriptors(ManifestFormat.OCI).get(1).digest().hex()),
        layer,
        StandardCopyOption.REPLACE_EXISTING);
    try (ImageSources sources =
        ImageSources.open(ImageSourceSettings.defaults().withMode(ImageSourceSettings.Mode.NONE))) {
      List<FileResult> r =
          new ImageChecker(
                  RuleRegistry.builtIn(),
                  sources,
                  new ImageChecker.Options(List.of(), false, false))
              .check(ref);
      assertThat(r)
          .singleElement()
          .satisfies(
              x ->
                  assertThat(x.error())
                      .hasValueSatisfying(
                          e ->
                              assertThat(e)
                                  .contains("does not match its digest")
                                  .doesNotContain("\n")));
    }
    Files.write(layer, original);

    // the config edited: refused before any layer is read
    Path config = blobs.resolve(amd.configDescriptor(ManifestFormat.OCI).digest().hex());
    Files.writeString(config, Files.readString(config).replace("amd64", "arm64"));
    assertThat(check(ref, List.of()))
        .singleElement()
        .satisfies(
            x ->
                assertThat(x.error())
                    .hasValueSatisfying(e -> assertThat(e).contains("does not match its digest")));
  }

  @Test
  void unreadableInputsAreOneLineEachAndTheOthersAreStillChecked(@TempDir Path dir, Fixtures f)
      throws IOException {
    Path junk = Files.write(dir.resolve("junk.tar"), new byte[] {1, 2, 3, 4, 5});
    Path archive = app(f, AMD64, "amd64", "arm64").writeDockerArchive(dir.resolve("app.tar"));
    try (ImageSources sources =
        ImageSources.open(
            ImageSourceSettings.defaults()
                .withMode(ImageSourceSettings.Mode.REGISTRY)
                .withCacheDirectory(Optional.of(cache)))) {
      ImageChecker c =
          new ImageChecker(
              RuleRegistry.builtIn(), sources, new ImageChecker.Options(List.of(), false, false));
      for (String bad :
          List.of(
              "docker-archive:" + junk,
              "docker-archive:" + dir.resolve("missing.tar"),
              "oci:" + dir,
              "Not A Reference")) {
        List<FileResult> r = c.check(bad);
        assertThat(r).hasSize(1);
        assertThat(r.get(0).error()).as(bad).isPresent();
        assertThat(r.get(0).error().get()).doesNotContain("\n").doesNotContain("Exception");
      }
      List<FileResult> good = c.check("docker-archive:" + archive);
      assertThat(good).hasSize(1);
      assertThat(good.get(0).diagnostics())
          .extracting(d -> d.rule().code())
          .containsExactly("DKL1600");
    }
  }
}
