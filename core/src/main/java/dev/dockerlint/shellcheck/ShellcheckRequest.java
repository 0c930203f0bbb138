package dev.dockerlint.shellcheck;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A script to check: its text as ShellCheck sees it and the shell dialect ({@code sh}, {@code
 * bash}, {@code dash}, {@code ksh}). Requests with the same text and dialect have the same result,
 * so {@link #key()} (a SHA-256 of both) is the cache key.
 */
public record ShellcheckRequest(String script, String dialect) {

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
    MessageDigest md = SHA256.get();
    md.reset();
    md.update(dialect.getBytes(StandardCharsets.UTF_8));
    md.update((byte) 0);
    md.update(script.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(md.digest());
  }
}
