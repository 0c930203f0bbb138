package dev.dockerlint.image;

import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.Platform;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers every answer for the life of one lint run, so that several rules asking about the same
 * base image cost one lookup. An answer with files also answers the question without files.
 */
public final class MemoizingSource implements ImageMetadataSource {
  private final ImageMetadataSource delegate;
  private final Map<Key, Lookup> answers = new ConcurrentHashMap<>();

  private record Key(ImageRef ref, Platform platform, boolean withFiles) {}

  public MemoizingSource(ImageMetadataSource delegate) {
    this.delegate = delegate;
  }

  @Override
  public Lookup lookup(ImageRef ref, Platform platform, boolean withFiles) {
    if (!withFiles) {
      Lookup full = answers.get(new Key(ref, platform, true));
      if (full != null) {
        return full;
      }
    }
    return answers.computeIfAbsent(
        new Key(ref, platform, withFiles), k -> delegate.lookup(ref, platform, withFiles));
  }
}
