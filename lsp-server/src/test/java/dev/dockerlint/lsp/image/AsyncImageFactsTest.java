package dev.dockerlint.lsp.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.image.ImageConfig;
import dev.dockerlint.image.ImageInfo;
import dev.dockerlint.image.ImageMetadataSource;
import dev.dockerlint.image.Lookup;
import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.Platform;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AsyncImageFactsTest {
  private final ExecutorService pool = Executors.newSingleThreadExecutor();
  private static final ImageRef ALPINE = ImageRef.parse("alpine:3.20").orElseThrow();

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private static Lookup found(ImageRef ref, Platform p) {
    return new Lookup.Found(
        new ImageInfo(ref, Optional.empty(), p, List.of(), ImageConfig.empty(), Optional.empty()));
  }

  @Test
  void missAnswersAtOnceAndTheFactsFollow() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    ImageMetadataSource slow =
        (ref, p, files) -> {
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return found(ref, p);
        };
    CompletableFuture<AsyncImageFacts.Key> arrived = new CompletableFuture<>();
    AsyncImageFacts facts = new AsyncImageFacts(slow, pool, arrived::complete);
    assertThat(facts.lookup(ALPINE, Platform.LINUX_AMD64, false))
        .isEqualTo(new Lookup.Unavailable(AsyncImageFacts.PENDING, true));
    release.countDown();
    assertThat(arrived.get(10, TimeUnit.SECONDS).ref()).isEqualTo(ALPINE);
    assertThat(facts.lookup(ALPINE, Platform.LINUX_AMD64, false)).isInstanceOf(Lookup.Found.class);
  }

  @Test
  void aKeyIsAskedOnceWhileInFlightAndThenCached() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    ImageMetadataSource counting =
        (ref, p, files) -> {
          asked.incrementAndGet();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return found(ref, p);
        };
    CompletableFuture<AsyncImageFacts.Key> arrived = new CompletableFuture<>();
    AsyncImageFacts facts = new AsyncImageFacts(counting, pool, arrived::complete);
    for (int i = 0; i < 100; i++) {
      facts.lookup(ALPINE, Platform.LINUX_AMD64, false);
    }
    release.countDown();
    arrived.get(10, TimeUnit.SECONDS);
    facts.lookup(ALPINE, Platform.LINUX_AMD64, false);
    assertThat(asked.get()).isEqualTo(1);
  }

  @Test
  void unavailableAnswersAreNotAskedAgainRightAway() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    ImageMetadataSource down =
        (ref, p, files) -> {
          asked.incrementAndGet();
          return new Lookup.Unavailable("no daemon");
        };
    AsyncImageFacts facts = new AsyncImageFacts(down, pool, k -> {});
    facts.lookup(ALPINE, Platform.LINUX_AMD64, false);
    pool.submit(() -> {}).get(10, TimeUnit.SECONDS);
    assertThat(facts.lookup(ALPINE, Platform.LINUX_AMD64, false))
        .isEqualTo(new Lookup.Unavailable("no daemon"));
    assertThat(asked.get()).isEqualTo(1);
  }

  @Test
  void aThrowingSourceBecomesUnavailable() throws Exception {
    ImageMetadataSource broken =
        (ref, p, files) -> {
          throw new IllegalStateException("boom");
        };
    AsyncImageFacts facts = new AsyncImageFacts(broken, pool, k -> {});
    facts.lookup(ALPINE, Platform.LINUX_AMD64, false);
    pool.submit(() -> {}).get(10, TimeUnit.SECONDS);
    assertThat(facts.lookup(ALPINE, Platform.LINUX_AMD64, false))
        .isInstanceOf(Lookup.Unavailable.class)
        .asString()
        .contains("boom");
  }
}
