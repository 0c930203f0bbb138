package dev.dockerlint.semantic;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An OCI platform, {@code os/architecture[/variant]}, normalised like containerd does so that
 * {@code linux/x86_64}, {@code linux/amd64} and {@code Linux/AMD64} compare equal, {@code armhf}
 * becomes {@code arm/v7} and {@code arm64/v8} becomes {@code arm64}.
 *
 * @see <a href="https://docs.docker.com/build/building/multi-platform/">Multi-platform builds</a>
 */
public record Platform(String os, String architecture, Optional<String> variant) {

  public static final Platform LINUX_AMD64 = new Platform("linux", "amd64", Optional.empty());
  public static final Platform LINUX_ARM64 = new Platform("linux", "arm64", Optional.empty());

  public Platform {
    os = normalizeOs(os);
    String arch = architecture.toLowerCase(Locale.ROOT);
    String v = variant.map(x -> x.toLowerCase(Locale.ROOT)).orElse("");
    switch (arch) {
      case "i386", "i486", "i586", "i686", "x86", "386" -> {
        arch = "386";
        v = "";
      }
      case "x86_64", "x86-64", "amd64" -> {
        arch = "amd64";
        if (v.equals("v1")) {
          v = "";
        }
      }
      case "aarch64", "arm64" -> {
        arch = "arm64";
        if (v.equals("8") || v.equals("v8")) {
          v = "";
        }
      }
      case "armhf" -> {
        arch = "arm";
        v = "v7";
      }
      case "armel" -> {
        arch = "arm";
        v = "v6";
      }
      case "arm" -> {
        switch (v) {
          case "", "7" -> v = "v7";
          case "5", "6", "8" -> v = "v" + v;
          default -> {}
        }
      }
      default -> {}
    }
    architecture = arch;
    variant = v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  public Platform(String os, String architecture) {
    this(os, architecture, Optional.empty());
  }

  private static String normalizeOs(String os) {
    String o = os.toLowerCase(Locale.ROOT);
    return o.equals("macos") ? "darwin" : o;
  }

  /**
   * Parses {@code os/arch[/variant]} or a bare {@code arch} (then Linux); empty when malformed (for
   * instance when it still holds an unexpanded {@code $VARIABLE}).
   */
  public static Optional<Platform> parse(String text) {
    String t = text.trim();
    if (t.isEmpty() || !t.matches("[A-Za-z0-9_.\\-/]+")) {
      return Optional.empty();
    }
    String[] parts = t.split("/", -1);
    for (String p : parts) {
      if (p.isEmpty()) {
        return Optional.empty();
      }
    }
    return switch (parts.length) {
      case 1 ->
          isKnownOs(parts[0])
              ? Optional.empty()
              : Optional.of(new Platform("linux", parts[0], Optional.empty()));
      case 2 -> Optional.of(new Platform(parts[0], parts[1], Optional.empty()));
      case 3 -> Optional.of(new Platform(parts[0], parts[1], Optional.of(parts[2])));
      default -> Optional.empty();
    };
  }

  private static boolean isKnownOs(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "linux", "windows", "darwin", "freebsd", "macos" -> true;
      default -> false;
    };
  }

  /** The platform of the machine running dockerlint. */
  public static Platform host() {
    String os = System.getProperty("os.name", "linux").toLowerCase(Locale.ROOT);
    String o = os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "darwin" : "linux";
    return new Platform(o, System.getProperty("os.arch", "amd64"), Optional.empty());
  }

  /** Same OS and architecture; variants must match when both are known. */
  public boolean compatibleWith(Platform other) {
    return os.equals(other.os)
        && architecture.equals(other.architecture)
        && (variant.isEmpty() || other.variant.isEmpty() || variant.equals(other.variant));
  }

  @Override
  public String toString() {
    return os + "/" + architecture + variant.map(v -> "/" + v).orElse("");
  }

  // Written out, with the values the generated ones give (see ImageRef#equals).

  @Override
  public boolean equals(Object o) {
    return o == this
        || o instanceof Platform p
            && Objects.equals(os, p.os)
            && Objects.equals(architecture, p.architecture)
            && Objects.equals(variant, p.variant);
  }

  @Override
  public int hashCode() {
    return (Objects.hashCode(os) * 31 + Objects.hashCode(architecture)) * 31
        + Objects.hashCode(variant);
  }
}
