package dev.dockerlint.lsp.image;

import dev.dockerlint.image.ImageMetadataSource;
import dev.dockerlint.image.Lookup;
import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.Platform;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Image facts that never make a caller wait. A lint or a hover asks; a cached answer comes back at
 * once, anything else is answered {@link Lookup.Unavailable} ("looking up") while the real source
 * is asked on a background thread. When its answer arrives it is cached and {@code onArrival} is
 * told, so the server lints again and the diagnostics that need the facts follow.
 *
 * <p>{@code Unavailable} answers of the source are kept for {@link #RETRY_NANOS} only (a daemon may
 * come up later); a key is asked at most once at a time.
 */
public final class AsyncImageFacts implements ImageMetadataSource {

  /** What a look-up is about. */
  public record Key(ImageRef ref, Platform platform, boolean withFiles) {}

  /** The answer while the real one is on its way. */
  public static final String PENDING = "looking up the image";

  private final ImageMetadataSource source;
  private final ExecutorService executor;
  private final Consumer<Key> onArrival;

  /** How long an {@code Unavailable} answer is believed before the source is asked again. */
  public static final long RETRY_NANOS = 30_000_000_000L;

  private final ConcurrentMap<Key, Lookup> cache = new ConcurrentHashMap<>();
  private final ConcurrentMap<Key, Long> unavailableSince = new ConcurrentHashMap<>();
  private final ConcurrentMap<Key, Lookup> lastUnavailable = new ConcurrentHashMap<>();
  private final ConcurrentMap<Key, Boolean> inFlight = new ConcurrentHashMap<>();

  public AsyncImageFacts(
      ImageMetadataSource source, ExecutorService executor, Consumer<Key> onArrival) {
    this.source = source;
    this.executor = executor;
    this.onArrival = onArrival;
  }

  @Override
  public Lookup lookup(ImageRef ref, Platform platform, boolean withFiles) {
    Key key = new Key(ref, platform, withFiles);
    Lookup cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    if (!withFiles) {
      Lookup richer = cache.get(new Key(ref, platform, true));
      if (richer != null) {
        return richer;
      }
    }
    Long since = unavailableSince.get(key);
    if (since != null && System.nanoTime() - since < RETRY_NANOS) {
      return lastUnavailable.getOrDefault(key, new Lookup.Unavailable(PENDING, true));
    }
    if (inFlight.putIfAbsent(key, Boolean.TRUE) == null) {
      try {
        executor.execute(() -> fetch(key));
      } catch (RejectedExecutionException e) {
        inFlight.remove(key);
        return new Lookup.Unavailable("the server is shutting down");
      }
    }
    return new Lookup.Unavailable(PENDING, true);
  }

  @Override
  public boolean enabled() {
    return source.enabled();
  }

  /** The cached answer only; never starts a look-up. */
  public Optional<Lookup> cached(ImageRef ref, Platform platform) {
    Lookup l = cache.get(new Key(ref, platform, true));
    return Optional.ofNullable(l != null ? l : cache.get(new Key(ref, platform, false)));
  }

  private void fetch(Key key) {
    Lookup answer;
    try {
      answer = source.lookup(key.ref(), key.platform(), key.withFiles());
    } catch (RuntimeException e) {
      answer = new Lookup.Unavailable("image source failed: " + e);
    }
    if (answer instanceof Lookup.Unavailable) {
      unavailableSince.put(key, System.nanoTime());
      lastUnavailable.put(key, answer);
    } else {
      cache.put(key, answer);
      unavailableSince.remove(key);
    }
    inFlight.remove(key);
    if (!(answer instanceof Lookup.Unavailable)) {
      onArrival.accept(key);
    }
  }
}
