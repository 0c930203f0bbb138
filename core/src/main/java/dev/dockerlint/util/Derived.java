package dev.dockerlint.util;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Values derived from one immutable object, each computed the first time it is asked for and kept
 * with the object. Thread-safe without holding a lock while computing (a computation may ask for
 * other derived values): two threads asking at once may both compute a value; the first one kept is
 * the one everybody gets.
 */
public final class Derived {
  private final Map<Object, Object> values = new ConcurrentHashMap<>();

  /** The value kept for {@code key}, else the one {@code compute} makes, kept for it. */
  @SuppressWarnings("unchecked")
  public <T> T get(Object key, Supplier<T> compute) {
    Object v = values.get(key);
    if (v == null) {
      v = compute.get();
      Object earlier = values.putIfAbsent(key, v);
      if (earlier != null) {
        v = earlier;
      }
    }
    return (T) v;
  }
}
