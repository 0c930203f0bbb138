package dev.dockerlint.rules;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Values that successive lints of one document share: an editor re-lints the whole file on every
 * keystroke, while most of what a lint derives from the text did not change. Only values that are a
 * function of their key alone belong here (the commands of a RUN script, say, keyed by the script
 * and the values of the variables it reads). A value that refers to the instructions or stages of
 * one version is kept only under a key holding those very objects (compared by identity), which a
 * later version shares only where an edit left them unchanged (a stage's filesystem, keyed by its
 * {@link dev.dockerlint.semantic.Stage}).
 *
 * <p>A value not asked for during a lint is dropped at the start of the next one, so the memo holds
 * about what one version of the document needs. Thread-safe; lints that overlap only compute some
 * values twice.
 */
public final class LintMemo {
  private final boolean keeps;
  private volatile ConcurrentMap<Object, Object> current = new ConcurrentHashMap<>();
  private volatile ConcurrentMap<Object, Object> previous = new ConcurrentHashMap<>();

  private LintMemo(boolean keeps) {
    this.keeps = keeps;
  }

  /** A memo for the lints of one document. */
  public static LintMemo create() {
    return new LintMemo(true);
  }

  /** A memo that keeps nothing (a lint of one version only). */
  public static LintMemo none() {
    return new LintMemo(false);
  }

  /** Whether this memo keeps values (a memo for one version only keeps none). */
  public boolean keeps() {
    return keeps;
  }

  /** Starts a lint: values the last lint did not use are dropped. */
  public synchronized void nextLint() {
    if (keeps) {
      previous = current;
      // sized for what the last lint kept, which the next one mostly keeps again: no rehashing
      current = new ConcurrentHashMap<>(Math.max(16, previous.size()));
    }
  }

  /** The value kept for {@code key}, if the current or the last lint stored one. */
  public <T> Optional<T> find(Object key, Class<T> type) {
    if (!keeps) {
      return Optional.empty();
    }
    ConcurrentMap<Object, Object> now = current;
    Object v = now.get(key);
    if (v == null) {
      v = previous.get(key);
      if (v != null) {
        now.putIfAbsent(key, v);
      }
    }
    return v == null ? Optional.empty() : Optional.of(type.cast(v));
  }

  /** The value kept for {@code key}, else the one {@code compute} makes, kept for it. */
  public <T> T get(Object key, Class<T> type, Supplier<T> compute) {
    return find(key, type).orElseGet(() -> keep(key, compute.get()));
  }

  /** Keeps {@code value} for {@code key} (replacing what was kept) and returns it. */
  public <T> T keep(Object key, T value) {
    if (keeps) {
      current.put(key, value);
    }
    return value;
  }

  /**
   * The key under which {@code owner} keeps what it found about {@code of} (a {@link
   * dev.dockerlint.semantic.Stage}, say): equal only to the key of the same owner for the very same
   * object. The semantic model of an edited version takes over the Stage objects of the stages the
   * edit cannot change, so only those find their values again. Compared by identity, without the
   * method handles of a record's generated equals, which the language server's C1-compiled code
   * calls on every look-up without inlining.
   */
  public static Object keyOf(Class<?> owner, Object of) {
    return new IdentityKey(owner, of);
  }

  private static final class IdentityKey {
    private final Class<?> owner;
    private final Object of;

    IdentityKey(Class<?> owner, Object of) {
      this.owner = owner;
      this.of = of;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof IdentityKey k && k.of == of && k.owner == owner;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(of) * 31 + owner.hashCode();
    }
  }
}
