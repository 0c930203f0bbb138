package dev.dockerlint.image;

import dev.dockerlint.semantic.Platform;
import java.util.List;
import java.util.Objects;

/** The answer of an {@link ImageMetadataSource}. */
public sealed interface Lookup {

  /** The image exists; here is what it holds. */
  record Found(ImageInfo image) implements Lookup {}

  /**
   * The source is sure the image (or that platform of it) does not exist. When the image exists but
   * its index offers no variant for the platform asked for, {@code availablePlatforms} lists the
   * ones it does offer (BuildKit then fails with "no match for platform in manifest").
   */
  record NotFound(String reason, List<Platform> availablePlatforms) implements Lookup {
    public NotFound {
      availablePlatforms = List.copyOf(availablePlatforms);
    }

    public NotFound(String reason) {
      this(reason, List.of());
    }
  }

  /**
   * The source could not tell: offline, no daemon, unauthorised, timeout, too large ... {@code
   * pending} means the answer is on its way (the language server asks in the background and lints
   * again when it arrives), so nothing should be reported about it yet.
   */
  record Unavailable(String reason, boolean pending) implements Lookup {
    public Unavailable(String reason) {
      this(reason, false);
    }

    // Written out (see ImageRef#equals): rules compare the answers they were given again on
    // every keystroke.

    @Override
    public boolean equals(Object o) {
      return o == this
          || o instanceof Unavailable u && pending == u.pending && Objects.equals(reason, u.reason);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(reason) * 31 + Boolean.hashCode(pending);
    }
  }
}
