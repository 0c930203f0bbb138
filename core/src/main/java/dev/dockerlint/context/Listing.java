package dev.dockerlint.context;

import java.util.List;

/**
 * The entries below a directory of the build context, parents before children, each level in
 * lexical order, with what could not be listed.
 *
 * @param entries what BuildKit would copy from inside the directory
 * @param problems unreadable directories, limits reached
 */
public record Listing(List<ContextEntry> entries, List<ContextProblem> problems) {
  public Listing {
    entries = List.copyOf(entries);
    problems = List.copyOf(problems);
  }

  /** Whether a limit cut the listing short. */
  public boolean truncated() {
    return problems.stream()
        .anyMatch(
            p ->
                p.kind() == ContextProblem.Kind.TOO_MANY_ENTRIES
                    || p.kind() == ContextProblem.Kind.TOO_DEEP);
  }
}
