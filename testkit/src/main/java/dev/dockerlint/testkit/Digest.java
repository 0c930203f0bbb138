package dev.dockerlint.testkit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A content digest as OCI and Docker write it: {@code sha256:<64 hex digits>}.
 *
 * @param hex the lowercase hex of the SHA-256 sum
 */
public record Digest(String hex) {

  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  /** Checks the hex form. */
  public Digest {
    if (!HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("not a sha256 hex digest: " + hex);
    }
  }

  /** The SHA-256 digest of {@code bytes}. */
  public static Digest sha256(byte[] bytes) {
    try {
      return new Digest(
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** Parses {@code sha256:<hex>}. */
  public static Digest parse(String text) {
    if (!text.startsWith("sha256:")) {
      throw new IllegalArgumentException("not a sha256 digest: " + text);
    }
    return new Digest(text.substring("sha256:".length()));
  }

  /** {@code sha256:<hex>}. */
  @Override
  public String toString() {
    return "sha256:" + hex;
  }
}
