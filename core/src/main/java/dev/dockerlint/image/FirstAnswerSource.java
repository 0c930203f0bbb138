package dev.dockerlint.image;

import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.Platform;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Asks sources in order (the Docker Engine, then a registry) and keeps the first image found for
 * the platform. An image found for another platform (a local image of a foreign architecture) is
 * kept only if no later source finds one that fits, as BuildKit would pull the right one; then a
 * {@link Lookup.NotFound}; else one {@link Lookup.Unavailable} giving every source's reason.
 */
public final class FirstAnswerSource implements ImageMetadataSource {
  private final List<ImageMetadataSource> sources;

  public FirstAnswerSource(List<ImageMetadataSource> sources) {
    this.sources = List.copyOf(sources);
  }

  @Override
  public Lookup lookup(ImageRef ref, Platform platform, boolean withFiles) {
    Lookup.Found foreign = null;
    Lookup.NotFound notFound = null;
    Set<String> reasons = new LinkedHashSet<>();
    for (ImageMetadataSource s : sources) {
      Lookup a = s.lookup(ref, platform, withFiles);
      if (a instanceof Lookup.Found f) {
        if (PlatformMatcher.runs(platform, f.image().platform())) {
          return f;
        }
        if (foreign == null) {
          foreign = f;
        }
      } else if (a instanceof Lookup.NotFound nf) {
        if (notFound == null || notFound.availablePlatforms().isEmpty()) {
          notFound = nf;
        }
      } else if (a instanceof Lookup.Unavailable u) {
        reasons.add(u.reason());
      }
    }
    if (foreign != null) {
      return foreign;
    }
    if (notFound != null) {
      return notFound;
    }
    return new Lookup.Unavailable(
        reasons.isEmpty() ? "no image source" : String.join("; ", new ArrayList<>(reasons)));
  }

  @Override
  public boolean enabled() {
    return sources.stream().anyMatch(ImageMetadataSource::enabled);
  }
}
