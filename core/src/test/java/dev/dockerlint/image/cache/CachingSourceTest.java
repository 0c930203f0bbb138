package dev.dockerlint.image.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.image.CachingSource;
import dev.dockerlint.image.FileEntry;
import dev.dockerlint.image.FileIndex;
import dev.dockerlint.image.HandClock;
import dev.dockerlint.image.ImageInfo;
import dev.dockerlint.image.ImageMetadataSource;
import dev.dockerlint.image.Lookup;
import dev.dockerlint.image.registry.CredentialStore;
import dev.dockerlint.image.registry.RegistrySettings;
import dev.dockerlint.image.registry.RegistrySource;
import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.Platform;
import dev.dockerlint.testkit.Fixtures;
import dev.dockerlint.testkit.FixturesExtension;
import dev.dockerlint.testkit.ImageTarball;
import dev.dockerlint.testkit.Layer;
import dev.dockerlint.testkit.ManifestFormat;
import dev.dockerlint.testkit.Registry;
import dev.dockerlint.testkit.RegistryExtension;
import dev.dockerlint.testkit.TestRegistries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith({RegistryExtension.class, FixturesExtension.class})
class CachingSourceTest {
  @TempDir Path cacheDir;

  private static final RegistrySettings SETTINGS =
      RegistrySettings.defaults().withCredentials(CredentialStore.none());

  private static ImageRef push(TestRegistries regs, Fixtures f, String tag) {
    Registry r = regs.anonymous();
    String repo = "dockerlint-test/c" + UUID.randomUUID().toString().substring(0, 8);
    ImageTarball img =
        ImageTarball.builder()
            .platform(dev.dockerlint.testkit.Platform.LINUX_AMD64)
            .layer(f.busyboxLayer("amd64"))
            .layer(Layer.builder().file("/app/run.sh", "#!/bin/sh\r\nexec x\n", 0755).build())
            .env("PATH", "/bin")
            .build();
    r.pushImage(repo, tag, img, ManifestFormat.OCI);
    return ImageRef.parse(r.reference(repo, tag)).orElseThrow();
  }

  /** The same reference on a registry that is not there: only the cache can answer. */
  private static ImageRef unreachable(ImageRef ref) {
    return ref;
  }

  @Test
  void aSecondLookupIsAnsweredFromDiskWithTheSameFacts(TestRegistries regs, Fixtures f) {
    ImageRef ref = push(regs, f, "v1");
    HandClock clock = new HandClock();
    DiskCache cache = new DiskCache(cacheDir, Duration.ofHours(6), clock);
    Lookup first =
        new CachingSource(new RegistrySource(SETTINGS), cache, clock)
            .lookup(ref, Platform.LINUX_AMD64, true);
    ImageMetadataSource nothing = ImageMetadataSource.none("offline");
    Lookup second =
        new CachingSource(nothing, cache, clock).lookup(ref, Platform.LINUX_AMD64, true);
    ImageInfo a = ((Lookup.Found) first).image();
    ImageInfo b = ((Lookup.Found) second).image();
    assertThat(b.withoutFiles()).isEqualTo(a.withoutFiles());
    FileIndex fa = a.files().orElseThrow();
    FileIndex fb = b.files().orElseThrow();
    assertThat(List.copyOf(fb.entries())).isEqualTo(List.copyOf(fa.entries()));
    FileEntry run = fb.get("/app/run.sh").orElseThrow();
    assertThat(run.facts().orElseThrow().shebang().orElseThrow().crlf()).isTrue();
    assertThat(fb.resolve("/bin/sh").orElseThrow().facts().orElseThrow().elf()).isPresent();
  }

  @Test
  void credentialsNeverReachTheCache(TestRegistries regs, Fixtures f) throws IOException {
    Registry r = regs.authenticated();
    String repo = "dockerlint-test/s" + UUID.randomUUID().toString().substring(0, 8);
    r.pushImage(
        repo,
        "v1",
        ImageTarball.builder()
            .platform(dev.dockerlint.testkit.Platform.LINUX_AMD64)
            .layer(f.busyboxLayer("amd64"))
            .build(),
        ManifestFormat.OCI);
    Registry.Credentials c = r.credentials().orElseThrow();
    String basic =
        Base64.getEncoder()
            .encodeToString((c.user() + ":" + c.password()).getBytes(StandardCharsets.UTF_8));
    Path config = Files.createTempFile("docker-config", ".json");
    try {
      Files.writeString(
          config, "{\"auths\":{\"" + r.address() + "\":{\"auth\":\"" + basic + "\"}}}");
      HandClock clock = new HandClock();
      DiskCache cache = new DiskCache(cacheDir, Duration.ofHours(6), clock);
      RegistrySource source =
          new RegistrySource(
              RegistrySettings.defaults().withCredentials(CredentialStore.fromConfigFile(config)));
      ImageRef ref = ImageRef.parse(r.reference(repo, "v1")).orElseThrow();
      Lookup l = new CachingSource(source, cache, clock).lookup(ref, Platform.LINUX_AMD64, true);
      assertThat(l).isInstanceOf(Lookup.Found.class);
      assertThat(l.toString()).doesNotContain(c.password()).doesNotContain(basic);
      List<Path> written;
      try (Stream<Path> s = Files.walk(cacheDir)) {
        written = s.filter(Files::isRegularFile).toList();
      }
      assertThat(written).isNotEmpty();
      StringBuilder all = new StringBuilder();
      for (Path p : written) {
        byte[] bytes = Files.readAllBytes(p);
        if (p.getFileName().toString().endsWith(".idx")) {
          // File indexes are stored deflated: search what they expand to.
          try (var in =
              new java.util.zip.InflaterInputStream(new java.io.ByteArrayInputStream(bytes))) {
            bytes = in.readAllBytes();
          }
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        all.append(text);
        assertThat(text)
            .as("cache file %s", cacheDir.relativize(p))
            .doesNotContain(c.password())
            .doesNotContain(basic)
            .doesNotContain("Bearer ");
      }
      // The search reads what was stored: the image's files are there, in plain text.
      assertThat(all).contains("bin/busybox").contains(r.address());
    } finally {
      Files.deleteIfExists(config);
    }
  }

  @Test
  void tagAnswersExpireButAStaleAnswerBeatsNoAnswer(TestRegistries regs, Fixtures f) {
    ImageRef ref = push(regs, f, "v1");
    HandClock clock = new HandClock();
    DiskCache cache = new DiskCache(cacheDir, Duration.ofHours(6), clock);
    new CachingSource(new RegistrySource(SETTINGS), cache, clock)
        .lookup(ref, Platform.LINUX_AMD64, false);
    clock.advance(Duration.ofHours(7));
    assertThat(cache.fresh(ref, cache.ref(ref, Platform.LINUX_AMD64).orElseThrow())).isFalse();
    Lookup stale =
        new CachingSource(ImageMetadataSource.none("offline"), cache, clock)
            .lookup(ref, Platform.LINUX_AMD64, false);
    assertThat(stale).isInstanceOf(Lookup.Found.class);
  }

  @Test
  void digestAnswersNeverExpire(TestRegistries regs, Fixtures f) {
    ImageRef tagged = push(regs, f, "v1");
    HandClock clock = new HandClock();
    DiskCache cache = new DiskCache(cacheDir, Duration.ofHours(6), clock);
    Lookup l =
        new CachingSource(new RegistrySource(SETTINGS), cache, clock)
            .lookup(tagged, Platform.LINUX_AMD64, false);
    String digest = ((Lookup.Found) l).image().digest().orElseThrow();
    ImageRef pinned =
        ImageRef.parse(tagged.registry() + "/" + tagged.repository() + "@" + digest).orElseThrow();
    new CachingSource(new RegistrySource(SETTINGS), cache, clock)
        .lookup(pinned, Platform.LINUX_AMD64, false);
    clock.advance(Duration.ofDays(400));
    assertThat(cache.fresh(pinned, cache.ref(pinned, Platform.LINUX_AMD64).orElseThrow())).isTrue();
  }

  @Test
  void theCacheHoldsNoCredentialsAndOnlyPrivateFilesUnderItsRoot(TestRegistries regs, Fixtures f)
      throws IOException {
    ImageRef ref = push(regs, f, "v1");
    HandClock clock = new HandClock();
    DiskCache cache = new DiskCache(cacheDir, Duration.ofHours(6), clock);
    new CachingSource(new RegistrySource(SETTINGS), cache, clock)
        .lookup(ref, Platform.LINUX_AMD64, true);
    try (Stream<Path> all = Files.walk(cacheDir)) {
      List<Path> files = all.filter(Files::isRegularFile).toList();
      assertThat(files).isNotEmpty().allMatch(p -> p.startsWith(cache.root()));
      for (Path p : files) {
        String text =
            new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("Authorization").doesNotContain("Bearer ");
      }
    }
    assertThat(Files.getPosixFilePermissions(cache.root()))
        .containsExactlyInAnyOrder(
            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE,
            java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE);
  }

  @Test
  void aCorruptIndexFileIsAMissNotAFailure(TestRegistries regs, Fixtures f) throws IOException {
    ImageRef ref = push(regs, f, "v1");
    HandClock clock = new HandClock();
    DiskCache cache = new DiskCache(cacheDir, Duration.ofHours(6), clock);
    Lookup l =
        new CachingSource(new RegistrySource(SETTINGS), cache, clock)
            .lookup(ref, Platform.LINUX_AMD64, true);
    String id = ((Lookup.Found) l).image().imageId().orElseThrow();
    Path idx = cache.root().resolve("files").resolve(id.replace(':', '-') + ".idx");
    Files.write(idx, new byte[] {1, 2, 3});
    assertThat(cache.files(id)).isEmpty();
    assertThat(unreachable(ref)).isEqualTo(ref);
  }
}
