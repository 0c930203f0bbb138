package dev.dockerlint.image;

import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers every answer for the life of one lint run, so that several rules asking about the same
 * base image cost one lookup. An answer with files also answers the question without files. The
 * answers can be listed afterwards (the "images that could not be inspected" diagnostic does).
 */
public final class MemoizingSource implements ImageMetadataSource {
  private final ImageMetadataSource delegate;
  private final Map<Key, Lookup> answers = new ConcurrentHashMap<>();

  /** One question and its answer. */
  public record Asked(ImageRef ref, Platform platform, boolean withFiles, Lookup answer) {}

  private record Key(ImageRef ref, Platform platform, boolean withFiles) {}

  public MemoizingSource(ImageMetadataSource delegate) {
    this.delegate = delegate;
  }

  @Override
  public Lookup lookup(ImageRef ref, Platform platform, boolean withFiles) {
    if (!withFiles) {
      Lookup full = answers.get(new Key(ref, platform, true));
      if (full instanceof Lookup.Found) {
        return full;
      }
    }
    return answers.computeIfAbsent(
        new Key(ref, platform, withFiles), k -> delegate.lookup(ref, platform, withFiles));
  }

  @Override
  public boolean enabled() {
    return delegate.enabled();
  }

  /** Every question asked so far, with its answer. */
  public List<Asked> asked() {
    List<Asked> out = new ArrayList<>();
    answers.forEach((k, v) -> out.add(new Asked(k.ref(), k.platform(), k.withFiles(), v)));
    return out;
  }
}
