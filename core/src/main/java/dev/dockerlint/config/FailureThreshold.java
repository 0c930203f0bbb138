package dev.dockerlint.config;

import dev.dockerlint.rules.Severity;
import java.util.Optional;

/**
 * The least severe finding that fails a run ({@code --failure-threshold}, {@code
 * failure-threshold:}); {@code none} never fails.
 */
public record FailureThreshold(Optional<Severity> level) {
  public static final FailureThreshold NONE = new FailureThreshold(Optional.empty());

  /** The default: any finding of severity info or worse fails the run. */
  public static final FailureThreshold DEFAULT = new FailureThreshold(Optional.of(Severity.INFO));

  public static final String EXPECTED = "error, warning, info, style or none";

  public static Optional<FailureThreshold> parse(String text) {
    if (text.trim().equalsIgnoreCase("none")) {
      return Optional.of(NONE);
    }
    return Severity.parse(text).map(s -> new FailureThreshold(Optional.of(s)));
  }

  /** Whether a finding of severity {@code s} fails the run. */
  public boolean fails(Severity s) {
    return level.isPresent() && s.atLeast(level.get());
  }

  @Override
  public String toString() {
    return level.map(Severity::id).orElse("none");
  }
}
