package dev.dockerlint.util;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for a future as if its computation ran on the waiting thread. */
public final class Futures {
  private Futures() {}

  /**
   * The value of {@code f}, once computed; when its computation threw an unchecked exception or an
   * error, that one (not wrapped in a {@link CompletionException}).
   */
  public static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
