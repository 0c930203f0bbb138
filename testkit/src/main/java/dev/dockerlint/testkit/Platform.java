package dev.dockerlint.testkit;

import java.util.Optional;

/**
 * An OCI platform: what an image config's {@code os}/{@code architecture}/{@code variant} and an
 * image index entry's {@code platform} say. The testkit writes whatever it is given, so a test can
 * make the declared platform disagree with the binaries inside the image.
 *
 * @param os e.g. {@code linux}
 * @param architecture GOARCH spelling, e.g. {@code amd64}, {@code arm64}, {@code arm}
 * @param variant e.g. {@code v8} or {@code v7}; empty when none
 */
public record Platform(String os, String architecture, Optional<String> variant) {

  /** linux/amd64, the platform of the machines the tests run on. */
  public static final Platform LINUX_AMD64 = new Platform("linux", "amd64", Optional.empty());

  /** linux/arm64/v8. */
  public static final Platform LINUX_ARM64 = new Platform("linux", "arm64", Optional.of("v8"));

  /** linux/arm/v7, what Debian's armhf binaries run on. */
  public static final Platform LINUX_ARM_V7 = new Platform("linux", "arm", Optional.of("v7"));

  /** Parses {@code os/arch[/variant]}. */
  public static Platform parse(String text) {
    String[] parts = text.split("/", -1);
    if (parts.length < 2 || parts.length > 3) {
      throw new IllegalArgumentException("not os/arch[/variant]: " + text);
    }
    return new Platform(
        parts[0], parts[1], parts.length == 3 ? Optional.of(parts[2]) : Optional.empty());
  }

  /** {@code os/arch[/variant]}, as {@code docker --platform} takes it. */
  @Override
  public String toString() {
    return os + "/" + architecture + variant.map(v -> "/" + v).orElse("");
  }
}
