package dev.dockerlint.rules;

import dev.dockerlint.context.ContextFiles;
import dev.dockerlint.image.ImageMetadataSource;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.syntax.Dockerfile;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * One file to lint: its tree and model, the display path, the build context directory when one is
 * known (rules that inspect copied files need it) and where facts about base images come from.
 *
 * @param shared values that several rules of this lint derive from the input (the image filesystem
 *     model, say), computed once and kept only as long as the input: see {@link #shared(Class,
 *     Supplier)}
 * @param contextFiles what answers the questions about the build context's files (see {@link
 *     ContextFiles}: a command-line run remembers the answers, an editor asks every time)
 */
public record LintInput(
    String path,
    Dockerfile file,
    SemanticModel model,
    Optional<Path> contextDir,
    ImageMetadataSource images,
    Shared shared,
    ContextFiles contextFiles) {

  public LintInput(
      String path,
      Dockerfile file,
      SemanticModel model,
      Optional<Path> contextDir,
      ImageMetadataSource images) {
    this(path, file, model, contextDir, images, new Shared(LintMemo.none()), ContextFiles.direct());
  }

  /** The value of {@code type} derived from this input, computed by {@code compute} once. */
  public <T> T shared(Class<T> type, Supplier<T> compute) {
    return shared.get(type, compute);
  }

  /** What successive lints of the same document share (see {@link LintMemo}). */
  public LintMemo memo() {
    return shared.memo;
  }

  /**
   * What the rules of one lint share, and the memo it shares with other lints of the same document;
   * equal only to itself.
   */
  public static final class Shared {
    private final ConcurrentMap<Class<?>, Object> values = new ConcurrentHashMap<>();
    private final LintMemo memo;

    public Shared(LintMemo memo) {
      this.memo = memo;
    }

    <T> T get(Class<T> type, Supplier<T> compute) {
      Object v = values.get(type);
      if (v == null) {
        // Not computeIfAbsent: computing one value may ask for another.
        v = compute.get();
        Object earlier = values.putIfAbsent(type, v);
        if (earlier != null) {
          v = earlier;
        }
      }
      return type.cast(v);
    }
  }
}
