package dev.dockerlint.shellcheck;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A script to check: its text as ShellCheck sees it and the shell dialect ({@code sh}, {@code
 * bash}, {@code dash}, {@code ksh}). Requests with the same text and dialect have the same result,
 * so {@link #key()} (a SHA-256 of both) is the cache key.
 */
public final class ShellcheckRequest {
  private final String script;
  private final String dialect;

  /** The key, once computed: the language server asks for it on every keystroke. */
  private volatile String key;

  public ShellcheckRequest(String script, String dialect) {
    this.script = Objects.requireNonNull(script);
    this.dialect = Objects.requireNonNull(dialect);
  }

  public String script() {
    return script;
  }

  public String dialect() {
    return dialect;
  }

  /** One digest per thread: looking the algorithm up costs about as much as a short digest. */
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
          });

  public String key() {
    String k = key;
    if (k == null) {
      MessageDigest md = SHA256.get();
      md.reset();
      md.update(dialect.getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      md.update(script.getBytes(StandardCharsets.UTF_8));
      k = HexFormat.of().formatHex(md.digest());
      key = k;
    }
    return k;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ShellcheckRequest r && script.equals(r.script) && dialect.equals(r.dialect);
  }

  @Override
  public int hashCode() {
    return 31 * script.hashCode() + dialect.hashCode();
  }

  @Override
  public String toString() {
    return "ShellcheckRequest[dialect=" + dialect + ", " + script.length() + " chars]";
  }
}
