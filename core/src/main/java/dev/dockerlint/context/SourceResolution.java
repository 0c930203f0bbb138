package dev.dockerlint.context;

import java.util.List;
import java.util.Objects;

/**
 * What a {@code COPY}/{@code ADD} source names in the build context.
 *
 * @param source the source as written in the Dockerfile
 * @param cleaned the context-relative path BuildKit uses: leading {@code /} and escaping {@code ..}
 *     removed, trailing slash dropped; {@code "."} for the root
 * @param wildcard whether the source contains {@code *}, {@code ?} or {@code [}
 * @param matches the entries copied, in BuildKit's order (lexical); directories stand for
 *     themselves, see {@link BuildContext#contents} for what is inside
 * @param problems what went wrong; empty when the source resolved cleanly
 */
public record SourceResolution(
    String source,
    String cleaned,
    boolean wildcard,
    List<ContextEntry> matches,
    List<ContextProblem> problems) {

  public SourceResolution {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(cleaned, "cleaned");
    matches = List.copyOf(matches);
    problems = List.copyOf(problems);
  }

  /** Whether BuildKit would fail the build on this source. */
  public boolean failsBuild() {
    return problems.stream().anyMatch(ContextProblem::failsBuild);
  }
}
