package dev.dockerlint.image.registry;

/** A registry request failed; {@link #kind()} says how, the message says why in one line. */
final class RegistryException extends Exception {
  private static final long serialVersionUID = 1L;

  enum Kind {
    /** 404: the repository or the manifest does not exist. */
    NOT_FOUND,
    /** Anything else: unauthorised, unreachable, timed out, malformed, hostile. */
    UNAVAILABLE
  }

  private final Kind kind;

  RegistryException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  RegistryException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  Kind kind() {
    return kind;
  }
}
