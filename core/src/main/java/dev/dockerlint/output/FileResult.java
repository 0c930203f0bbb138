package dev.dockerlint.output;

import dev.dockerlint.rules.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * One input of a run: its display path, the diagnostics, the source text (for excerpts) or the
 * one-line error that kept it from being linted.
 */
public record FileResult(
    String path, List<Diagnostic> diagnostics, Optional<String> source, Optional<String> error) {

  public FileResult {
    diagnostics = List.copyOf(diagnostics);
  }

  public static FileResult linted(String path, String source, List<Diagnostic> diagnostics) {
    return new FileResult(path, diagnostics, Optional.of(source), Optional.empty());
  }

  public static FileResult failed(String path, String error) {
    return new FileResult(path, List.of(), Optional.empty(), Optional.of(error));
  }
}
