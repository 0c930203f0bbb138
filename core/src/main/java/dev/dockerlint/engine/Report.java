package dev.dockerlint.engine;

import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.syntax.Dockerfile;
import java.util.List;

/** The outcome of linting one file: the tree, the model and the diagnostics in source order. */
public record Report(
    String path, Dockerfile file, SemanticModel model, List<Diagnostic> diagnostics) {

  public Report {
    diagnostics = List.copyOf(diagnostics);
  }

  /** Whether a diagnostic is at or above {@code threshold}. */
  public boolean hasFindingsAtLeast(Severity threshold) {
    return diagnostics.stream().anyMatch(d -> d.severity().atLeast(threshold));
  }
}
