package dev.dockerlint.rules;

import dev.dockerlint.syntax.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a rule reports: where, what, and optionally the runtime error it predicts, fixes, related
 * places and a severity other than the rule's default (for instance lowered because a later RUN may
 * repair the problem).
 */
public record Finding(
    Range range,
    String message,
    Optional<Severity> severity,
    Optional<Predicts> predicts,
    List<Fix> fixes,
    List<Related> related,
    Optional<ImagePlace> image) {

  public Finding {
    fixes = List.copyOf(fixes);
    related = List.copyOf(related);
  }

  public static Finding of(Range range, String message) {
    return new Finding(
        range, message, Optional.empty(), Optional.empty(), List.of(), List.of(), Optional.empty());
  }

  public Finding withSeverity(Severity s) {
    return new Finding(range, message, Optional.of(s), predicts, fixes, related, image);
  }

  public Finding withPredicts(Predicts p) {
    return new Finding(range, message, severity, Optional.of(p), fixes, related, image);
  }

  public Finding withFix(Fix f) {
    List<Fix> l = new ArrayList<>(fixes);
    l.add(f);
    return new Finding(range, message, severity, predicts, l, related, image);
  }

  public Finding withRelated(Range r, String m) {
    List<Related> l = new ArrayList<>(related);
    l.add(new Related(r, m));
    return new Finding(range, message, severity, predicts, fixes, l, image);
  }

  /** The same finding, about this place in a built image. */
  public Finding withImage(ImagePlace place) {
    return new Finding(range, message, severity, predicts, fixes, related, Optional.of(place));
  }
}
