package dev.dockerlint.rules;

import dev.dockerlint.syntax.Range;
import java.util.List;
import java.util.Optional;

/** A finding of a rule in a file, as the engine hands it to formatters, the CLI and the LSP. */
public record Diagnostic(
    RuleMeta rule,
    Severity severity,
    Range range,
    String message,
    Optional<Predicts> predicts,
    List<Fix> fixes,
    List<Related> related,
    Optional<ImagePlace> image) {

  public Diagnostic {
    fixes = List.copyOf(fixes);
    related = List.copyOf(related);
  }

  /** A diagnostic about a Dockerfile (not about a built image). */
  public Diagnostic(
      RuleMeta rule,
      Severity severity,
      Range range,
      String message,
      Optional<Predicts> predicts,
      List<Fix> fixes,
      List<Related> related) {
    this(rule, severity, range, message, predicts, fixes, related, Optional.empty());
  }

  public static Diagnostic of(RuleMeta rule, Finding f) {
    return new Diagnostic(
        rule,
        f.severity().orElse(rule.severity()),
        f.range(),
        f.message(),
        f.predicts(),
        f.fixes(),
        f.related(),
        f.image());
  }

  public Diagnostic withSeverity(Severity s) {
    return new Diagnostic(rule, s, range, message, predicts, fixes, related, image);
  }
}
