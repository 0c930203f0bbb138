package dev.dockerlint.image;

import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.Platform;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Asks its source each question once for the life of one command-line run, however many files ask
 * it and from however many threads: a run lints a snapshot, so a base image named by 300
 * Dockerfiles is looked up (in the cache, the engine or the registry) once, and an unreachable
 * registry costs one failed connection, not 300.
 *
 * <p>Threads asking the same question at once wait for the first one's answer; different questions
 * never wait for each other. An answer that is still on its way ({@link
 * Lookup.Unavailable#pending()}) is not remembered. An answer with files also answers the question
 * without files, as in {@link MemoizingSource} (which stays per lint: it lists what one file
 * asked).
 */
public final class RunAnswers implements ImageMetadataSource {
  private final ImageMetadataSource delegate;
  private final ConcurrentMap<Key, CompletableFuture<Lookup>> answers = new ConcurrentHashMap<>();

  private record Key(ImageRef ref, Platform platform, boolean withFiles) {}

  public RunAnswers(ImageMetadataSource delegate) {
    this.delegate = delegate;
  }

  @Override
  public Lookup lookup(ImageRef ref, Platform platform, boolean withFiles) {
    if (!withFiles) {
      CompletableFuture<Lookup> full = answers.get(new Key(ref, platform, true));
      if (full != null && full.isDone() && full.join() instanceof Lookup.Found found) {
        return found;
      }
    }
    Key key = new Key(ref, platform, withFiles);
    CompletableFuture<Lookup> mine = new CompletableFuture<>();
    CompletableFuture<Lookup> first = answers.putIfAbsent(key, mine);
    if (first != null) {
      return first.join();
    }
    try {
      Lookup answer = delegate.lookup(ref, platform, withFiles);
      if (answer instanceof Lookup.Unavailable u && u.pending()) {
        answers.remove(key, mine);
      }
      mine.complete(answer);
      return answer;
    } catch (RuntimeException | Error e) {
      answers.remove(key, mine);
      mine.completeExceptionally(e);
      throw e;
    }
  }

  @Override
  public boolean enabled() {
    return delegate.enabled();
  }
}
