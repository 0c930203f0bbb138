package dev.dockerlint.image;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Content digests ({@code sha256:<64 hex>}, {@code sha512:<128 hex>}) as the OCI image spec defines
 * them: checked for form before use (a registry's answer may be hostile, and digests name cache
 * files) and verified against the bytes they name.
 */
public final class Digests {
  private static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-f]{64}");
  private static final Pattern SHA512 = Pattern.compile("sha512:[0-9a-f]{128}");

  private Digests() {}

  /** Whether {@code digest} is a well-formed sha256 or sha512 digest. */
  public static boolean valid(String digest) {
    return SHA256.matcher(digest).matches() || SHA512.matcher(digest).matches();
  }

  /** The digest of {@code bytes} with the algorithm of {@code like} (sha256 by default). */
  public static String of(byte[] bytes, String like) {
    MessageDigest md = digester(like);
    return algorithm(like) + ":" + HexFormat.of().formatHex(md.digest(bytes));
  }

  /** The sha256 digest of {@code bytes}. */
  public static String sha256(byte[] bytes) {
    return of(bytes, "sha256:");
  }

  /** The hex part of a digest. */
  public static String hex(String digest) {
    return digest.substring(digest.indexOf(':') + 1);
  }

  private static String algorithm(String like) {
    return like.startsWith("sha512:") ? "sha512" : "sha256";
  }

  private static MessageDigest digester(String like) {
    try {
      return MessageDigest.getInstance(like.startsWith("sha512:") ? "SHA-512" : "SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256/512", e);
    }
  }

  /** A stream that digests what is read through it, to compare with {@link #matches()}. */
  public static final class VerifyingInputStream extends FilterInputStream {
    private final MessageDigest md;
    private final String expected;

    public VerifyingInputStream(InputStream in, String expected) {
      super(in);
      this.expected = expected;
      this.md = digester(expected);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        md.update((byte) b);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        md.update(b, off, n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] buf = new byte[(int) Math.min(Math.max(n, 1), 65536)];
      int r = read(buf, 0, (int) Math.min(n, buf.length));
      return Math.max(r, 0);
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    /** The digest of the bytes read so far. */
    public String actual() {
      try {
        MessageDigest copy = (MessageDigest) md.clone();
        return algorithm(expected) + ":" + HexFormat.of().formatHex(copy.digest());
      } catch (CloneNotSupportedException e) {
        throw new IllegalStateException(e);
      }
    }

    /** Whether the bytes read so far have the expected digest. */
    public boolean matches() {
      return actual().equals(expected);
    }
  }
}
