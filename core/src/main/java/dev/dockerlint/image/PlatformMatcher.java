package dev.dockerlint.image;

import dev.dockerlint.semantic.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Picks the entry of an image index for a platform the way containerd's {@code platforms.Only}
 * does, which BuildKit and {@code docker pull} use: the exact platform first, then what that
 * machine also runs, in order (amd64/v3 → v2 → v1 → 386; arm64 → arm/v8 → arm/v7 → v6 → v5; arm/v7
 * → v6 → v5).
 */
public final class PlatformMatcher {
  private PlatformMatcher() {}

  /** The platforms a machine of {@code target} runs, best first. */
  public static List<Platform> vector(Platform target) {
    List<Platform> out = new ArrayList<>();
    String os = target.os();
    switch (target.architecture()) {
      case "amd64" -> {
        out.add(target);
        int v = version(target.variant().orElse("v1"));
        for (int i = v - 1; i >= 2; i--) {
          out.add(new Platform(os, "amd64", Optional.of("v" + i)));
        }
        if (v > 1) {
          out.add(new Platform(os, "amd64"));
        }
        out.add(new Platform(os, "386"));
      }
      case "arm64" -> {
        out.add(target);
        for (int i = 8; i >= 5; i--) {
          out.add(new Platform(os, "arm", Optional.of("v" + i)));
        }
      }
      case "arm" -> {
        int v = version(target.variant().orElse("v7"));
        for (int i = v; i >= 5; i--) {
          out.add(new Platform(os, "arm", Optional.of("v" + i)));
        }
      }
      default -> out.add(target);
    }
    return out;
  }

  /** Whether a machine of {@code target} runs programs of {@code candidate}. */
  public static boolean runs(Platform target, Platform candidate) {
    for (Platform p : vector(target)) {
      if (matches(p, candidate)) {
        return true;
      }
    }
    return false;
  }

  /** The index of the best of {@code candidates} for {@code target}, if any fits. */
  public static Optional<Integer> best(Platform target, List<Platform> candidates) {
    for (Platform p : vector(target)) {
      for (int i = 0; i < candidates.size(); i++) {
        if (matches(p, candidates.get(i))) {
          return Optional.of(i);
        }
      }
    }
    return Optional.empty();
  }

  private static boolean matches(Platform wanted, Platform candidate) {
    if (!wanted.os().equals(candidate.os())
        || !wanted.architecture().equals(candidate.architecture())) {
      return false;
    }
    return wanted.variant().equals(candidate.variant());
  }

  private static int version(String variant) {
    try {
      return Integer.parseInt(variant.startsWith("v") ? variant.substring(1) : variant);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
