package dev.dockerlint.image.layer;

import java.io.IOException;

/** A {@link LayerLimits} bound was crossed while streaming; becomes a {@link LayerException}. */
final class LimitException extends IOException {
  private static final long serialVersionUID = 1L;

  LimitException(String message) {
    super(message);
  }
}
