package dev.dockerlint.testkit;

/**
 * A real component a test needs (Docker Engine, registry, fixtures) is not there. The testkit's
 * extensions turn it into a skipped test, or a failed one when the component is required.
 */
public final class ServiceUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** With the reason, e.g. {@code no Docker Engine answers at unix:///...: ...}. */
  public ServiceUnavailableException(String reason) {
    super(reason);
  }
}
