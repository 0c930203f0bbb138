package dev.dockerlint.rules;

import dev.dockerlint.context.ContextFiles;
import dev.dockerlint.image.ImageMetadataSource;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.syntax.Dockerfile;
import dev.dockerlint.util.Futures;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
    private final ConcurrentMap<Class<?>, Computation> values = new ConcurrentHashMap<>();
    private final ConcurrentMap<Thread, Computation> waiting = new ConcurrentHashMap<>();
    private final LintMemo memo;

    public Shared(LintMemo memo) {
      this.memo = memo;
    }

    /** A value being computed, or computed, by {@code thread}. */
    private record Computation(Class<?> type, Thread thread, CompletableFuture<Object> result) {}

    /**
     * The value of {@code type}, computed by the first thread that asks; threads that ask while it
     * computes wait for it (rules of one lint may run on several threads) and get its value or its
     * exception. A value whose computation threw is computed again by the next to ask. Not {@code
     * computeIfAbsent}: computing one value may ask for another. A value whose computation asks,
     * through any number of values and threads, for itself throws {@link IllegalStateException}
     * instead of waiting forever.
     */
    <T> T get(Class<T> type, Supplier<T> compute) {
      Computation c = values.get(type);
      if (c == null) {
        Computation mine = new Computation(type, Thread.currentThread(), new CompletableFuture<>());
        c = values.putIfAbsent(type, mine);
        if (c == null) {
          try {
            T value = compute.get();
            mine.result().complete(value);
            return value;
          } catch (RuntimeException | Error e) {
            values.remove(type, mine);
            mine.result().completeExceptionally(e);
            throw e;
          }
        }
      }
      if (!c.result().isDone()) {
        Thread me = Thread.currentThread();
        waiting.put(me, c);
        try {
          refuseCycle(c, me);
          return join(type, c);
        } finally {
          waiting.remove(me);
        }
      }
      return join(type, c);
    }

    /** The value of {@code c}, once computed; its computation's exception, if it threw. */
    private static <T> T join(Class<T> type, Computation c) {
      return type.cast(Futures.join(c.result()));
    }

    /**
     * Throws when waiting for {@code c} would wait for {@code me}: the thread computing it waits,
     * directly or through other threads, for a value {@code me} is computing. Each thread records
     * what it waits for before it looks, so of two threads closing a cycle at once at least one
     * sees it. A computation on the way that is done by the time its thread's wait is read ends the
     * walk: its thread has moved on, and what it waits for now does not hold up {@code c}.
     */
    private void refuseCycle(Computation c, Thread me) {
      Computation at = c;
      for (int hops = 0; at != null && hops <= values.size(); hops++) {
        if (at.thread() == me) {
          throw new IllegalStateException(
              "the shared "
                  + c.type().getSimpleName()
                  + " is needed to compute itself (through "
                  + at.type().getSimpleName()
                  + ")");
        }
        Computation next = waiting.get(at.thread());
        if (at.result().isDone()) {
          return;
        }
        at = next == null || next.result().isDone() ? null : next;
      }
    }
  }
}
