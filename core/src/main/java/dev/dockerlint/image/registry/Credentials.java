package dev.dockerlint.image.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A user name and a secret for a registry. {@link #toString()} never shows the secret, so a
 * credential that ends up in a message or a log by mistake still does not leak.
 */
public record Credentials(String user, String secret) {

  /** {@code Basic base64(user:secret)}. */
  public String basicHeader() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "Credentials[user=" + user + ", secret=***]";
  }
}
