package dev.dockerlint.image.local;

/** An image on disk that cannot be read; the message completes "oci:DIR ..." or "FILE ...". */
public final class LocalImageException extends Exception {
  public LocalImageException(String message) {
    super(message);
  }

  public LocalImageException(String message, Throwable cause) {
    super(message, cause);
  }
}
