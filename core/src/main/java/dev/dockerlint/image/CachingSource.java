package dev.dockerlint.image;

import dev.dockerlint.image.cache.DiskCache;
import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.Platform;
import java.time.Clock;
import java.util.Optional;

/**
 * Puts a {@link DiskCache} in front of a source: a fresh cached answer is given without asking the
 * source; answers found are stored; when the source cannot answer (offline, no daemon), a stale
 * cached answer is better than none.
 */
public final class CachingSource implements ImageMetadataSource {
  private final ImageMetadataSource delegate;
  private final DiskCache cache;
  private final Clock clock;

  public CachingSource(ImageMetadataSource delegate, DiskCache cache, Clock clock) {
    this.delegate = delegate;
    this.cache = cache;
    this.clock = clock;
  }

  @Override
  public Lookup lookup(ImageRef ref, Platform platform, boolean withFiles) {
    Optional<DiskCache.RefEntry> entry = cache.ref(ref, platform);
    if (entry.isPresent() && cache.fresh(ref, entry.get())) {
      Optional<Lookup> cached = fromCache(ref, entry.get(), withFiles);
      if (cached.isPresent()) {
        return cached.get();
      }
    }
    Lookup answer = delegate.lookup(ref, platform, withFiles);
    if (answer instanceof Lookup.Found f) {
      store(ref, platform, f.image());
    } else if (answer instanceof Lookup.NotFound nf && !nf.availablePlatforms().isEmpty()) {
      cache.putRef(
          ref,
          platform,
          new DiskCache.RefEntry(
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              nf.availablePlatforms(),
              Optional.of(nf.reason()),
              clock.instant()));
    } else if (answer instanceof Lookup.Unavailable && entry.isPresent()) {
      Optional<Lookup> stale = fromCache(ref, entry.get(), withFiles);
      if (stale.isPresent()) {
        return stale.get();
      }
    }
    return answer;
  }

  private Optional<Lookup> fromCache(ImageRef ref, DiskCache.RefEntry e, boolean withFiles) {
    if (e.notFound().isPresent()) {
      return Optional.of(new Lookup.NotFound(e.notFound().get(), e.availablePlatforms()));
    }
    String id = e.imageId().orElseThrow();
    Optional<DiskCache.ConfigEntry> config = cache.config(id);
    if (config.isEmpty()) {
      return Optional.empty();
    }
    Optional<FileIndex> files = Optional.empty();
    if (withFiles) {
      files = cache.files(id);
      if (files.isEmpty()) {
        return Optional.empty();
      }
    }
    return Optional.of(
        new Lookup.Found(
            new ImageInfo(
                ref,
                e.digest(),
                config.get().platform(),
                e.availablePlatforms(),
                config.get().config(),
                files,
                Optional.of(id))));
  }

  private void store(ImageRef ref, Platform platform, ImageInfo info) {
    if (info.imageId().isEmpty()) {
      return;
    }
    String id = info.imageId().get();
    cache.putConfig(id, info.platform(), info.config());
    info.files().ifPresent(f -> cache.putFiles(id, f));
    cache.putRef(
        ref,
        platform,
        new DiskCache.RefEntry(
            info.digest(),
            info.imageId(),
            Optional.of(info.platform()),
            info.availablePlatforms(),
            Optional.empty(),
            clock.instant()));
  }

  @Override
  public boolean enabled() {
    return delegate.enabled();
  }
}
