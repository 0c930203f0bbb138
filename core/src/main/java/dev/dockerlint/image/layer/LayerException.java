package dev.dockerlint.image.layer;

/**
 * Why an image's layers could not be read into a file index: too large, malformed, hostile (an
 * entry outside the root, a digest that does not match) or cut short. The message is one line fit
 * for a user and never holds credentials.
 */
public final class LayerException extends Exception {
  private static final long serialVersionUID = 1L;

  public LayerException(String message) {
    super(message);
  }

  public LayerException(String message, Throwable cause) {
    super(message, cause);
  }
}
