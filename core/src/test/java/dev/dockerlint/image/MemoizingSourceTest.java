package dev.dockerlint.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class MemoizingSourceTest {
  private static final Platform AMD64 = Platform.parse("linux/amd64").orElseThrow();
  private static final Platform ARM64 = Platform.parse("linux/arm64").orElseThrow();

  /** A source that counts the questions it gets and answers with {@code answer}. */
  private static final class Counting implements ImageMetadataSource {
    final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
    final Function<String, Lookup> answer;

    Counting(Function<String, Lookup> answer) {
      this.answer = answer;
    }

    @Override
    public Lookup lookup(ImageRef ref, Platform platform, boolean withFiles) {
      String q = ref.familiar() + " " + platform + (withFiles ? " files" : "");
      asked.computeIfAbsent(q, k -> new AtomicInteger()).incrementAndGet();
      return answer.apply(q);
    }

    int times(String q) {
      AtomicInteger n = asked.get(q);
      return n == null ? 0 : n.get();
    }
  }

  private static ImageRef ref(String s) {
    return ImageRef.parse(s).orElseThrow();
  }

  private static Lookup found(ImageRef ref, Platform p, boolean files) {
    return new Lookup.Found(
        new ImageInfo(
            ref,
            Optional.empty(),
            p,
            List.of(p),
            ImageConfig.empty(),
            files ? Optional.of(TreeFileIndex.of(List.of())) : Optional.empty()));
  }

  @Test
  void eachQuestionReachesTheSourceOnceAndEveryAskerGetsTheSameAnswer() {
    Counting source = new Counting(q -> new Lookup.Unavailable("cannot resolve " + q));
    MemoizingSource answers = MemoizingSource.forRun(source);

    List<Lookup> got = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      got.add(answers.lookup(ref("alpine:3.20"), AMD64, false));
      got.add(answers.lookup(ref("alpine:3.20"), ARM64, false));
      got.add(answers.lookup(ref("debian:12"), AMD64, true));
    }

    assertThat(source.times("alpine:3.20 linux/amd64")).isEqualTo(1);
    assertThat(source.times("alpine:3.20 linux/arm64")).isEqualTo(1);
    assertThat(source.times("debian:12 linux/amd64 files")).isEqualTo(1);
    assertThat(got.get(14))
        .isEqualTo(new Lookup.Unavailable("cannot resolve debian:12 linux/amd64 files"));
  }

  @Test
  void threadsAskingTogetherWaitForTheFirstAnswer() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Counting source =
        new Counting(
            q -> {
              if (!q.startsWith("ghcr.io")) {
                return new Lookup.NotFound(q + " does not exist");
              }
              try {
                release.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return new Lookup.NotFound(q + " does not exist");
            });
    MemoizingSource answers = MemoizingSource.forRun(source);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Lookup>> asks = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        asks.add(pool.submit(() -> answers.lookup(ref("ghcr.io/o/app:1"), AMD64, false)));
      }
      // a different question is not held up by the one in flight
      assertThat(answers.lookup(ref("alpine"), AMD64, false))
          .isEqualTo(new Lookup.NotFound("alpine linux/amd64 does not exist"));
      assertThat(asks).noneMatch(Future::isDone);
      release.countDown();
      for (Future<Lookup> f : asks) {
        assertThat(f.get(10, TimeUnit.SECONDS))
            .isEqualTo(new Lookup.NotFound("ghcr.io/o/app:1 linux/amd64 does not exist"));
      }
      assertThat(source.times("ghcr.io/o/app:1 linux/amd64")).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aPendingAnswerIsAskedAgain() {
    AtomicInteger calls = new AtomicInteger();
    Counting source =
        new Counting(
            q ->
                calls.incrementAndGet() == 1
                    ? new Lookup.Unavailable("on its way", true)
                    : new Lookup.Unavailable("no network"));
    MemoizingSource answers = MemoizingSource.forRun(source);

    assertThat(answers.lookup(ref("alpine"), AMD64, false))
        .isEqualTo(new Lookup.Unavailable("on its way", true));
    assertThat(answers.lookup(ref("alpine"), AMD64, false))
        .isEqualTo(new Lookup.Unavailable("no network"));
    assertThat(answers.lookup(ref("alpine"), AMD64, false))
        .isEqualTo(new Lookup.Unavailable("no network"));
    assertThat(calls).hasValue(2);
  }

  @Test
  void anAnswerWithFilesAlsoAnswersTheQuestionWithout() {
    Counting source = new Counting(q -> found(ref("alpine"), AMD64, q.endsWith("files")));
    MemoizingSource answers = MemoizingSource.forRun(source);

    Lookup withFiles = answers.lookup(ref("alpine"), AMD64, true);
    Lookup without = answers.lookup(ref("alpine"), AMD64, false);

    assertThat(without).isSameAs(withFiles);
    assertThat(source.times("alpine linux/amd64")).isZero();
  }

  @Test
  void aSourceThatThrowsIsAskedAgainNextTime() {
    AtomicInteger calls = new AtomicInteger();
    ImageMetadataSource source =
        (r, p, f) -> {
          if (calls.incrementAndGet() == 1) {
            throw new IllegalStateException("boom");
          }
          return new Lookup.NotFound("gone");
        };
    MemoizingSource answers = MemoizingSource.forRun(source);

    assertThatThrownBy(() -> answers.lookup(ref("alpine"), AMD64, false)).hasMessage("boom");
    assertThat(answers.lookup(ref("alpine"), AMD64, false)).isEqualTo(new Lookup.NotFound("gone"));
    assertThat(calls).hasValue(2);
  }
}
