package dev.dockerlint.image;

import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Asks its source each question once and remembers the answer, so that several rules asking about
 * the same base image cost one lookup. An answer with files also answers the question without
 * files. Threads asking the same question at once wait for the first one's answer; different
 * questions never wait for each other.
 *
 * <p>Two lifetimes:
 *
 * <ul>
 *   <li>{@link #MemoizingSource(ImageMetadataSource) one lint}: every answer is kept, those still
 *       on their way ({@link Lookup.Unavailable#pending()}) too, so that all rules of the lint see
 *       the same; the answers can be listed afterwards (the "images that could not be inspected"
 *       diagnostic does).
 *   <li>{@link #forRun(ImageMetadataSource) one command-line run}: a run lints a snapshot, so a
 *       base image named by 300 Dockerfiles is looked up (in the cache, the engine or the registry)
 *       once, and an unreachable registry costs one failed connection, not 300. An answer still on
 *       its way is asked again.
 * </ul>
 */
public final class MemoizingSource implements ImageMetadataSource {
  private final ImageMetadataSource delegate;
  private final boolean keepsPending;
  private final ConcurrentMap<Key, CompletableFuture<Lookup>> answers = new ConcurrentHashMap<>();

  /** One question and its answer. */
  public record Asked(ImageRef ref, Platform platform, boolean withFiles, Lookup answer) {}

  /**
   * A question. Every rule of every stage asks again on each keystroke, so equality is written out:
   * a record's generated {@code equals} and {@code hashCode} go through method handles, which the
   * language server's C1-compiled code calls without inlining, and which cost more than the rest of
   * a look-up.
   */
  private record Key(ImageRef ref, Platform platform, boolean withFiles) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && withFiles == k.withFiles
          && ref.equals(k.ref)
          && platform.equals(k.platform);
    }

    @Override
    public int hashCode() {
      return (ref.hashCode() * 31 + platform.hashCode()) * 31 + Boolean.hashCode(withFiles);
    }
  }

  /** A memo for one lint. */
  public MemoizingSource(ImageMetadataSource delegate) {
    this(delegate, true);
  }

  private MemoizingSource(ImageMetadataSource delegate, boolean keepsPending) {
    this.delegate = delegate;
    this.keepsPending = keepsPending;
  }

  /** A memo for all the files of one command-line run. */
  public static MemoizingSource forRun(ImageMetadataSource delegate) {
    return new MemoizingSource(delegate, false);
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
    CompletableFuture<Lookup> known = answers.get(key);
    if (known != null) {
      return known.join();
    }
    CompletableFuture<Lookup> mine = new CompletableFuture<>();
    CompletableFuture<Lookup> first = answers.putIfAbsent(key, mine);
    if (first != null) {
      return first.join();
    }
    try {
      Lookup answer = delegate.lookup(ref, platform, withFiles);
      if (!keepsPending && answer instanceof Lookup.Unavailable u && u.pending()) {
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

  /** Every question answered so far, with its answer. */
  public List<Asked> asked() {
    List<Asked> out = new ArrayList<>();
    answers.forEach(
        (k, v) -> {
          if (v.isDone() && !v.isCompletedExceptionally()) {
            out.add(new Asked(k.ref(), k.platform(), k.withFiles(), v.join()));
          }
        });
    return out;
  }
}
