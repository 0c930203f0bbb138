package dev.dockerlint.rules;

import dev.dockerlint.syntax.SourceText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A change that resolves a finding: sorted, non-overlapping edits with one title. */
public record Fix(String title, List<Edit> edits, Applicability applicability) {
  public Fix {
    List<Edit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparing(e -> e.range().start()));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).range().start().compareTo(sorted.get(i - 1).range().end()) < 0) {
        throw new IllegalArgumentException("overlapping edits in fix '" + title + "'");
      }
    }
    edits = List.copyOf(sorted);
  }

  public static Fix safe(String title, Edit... edits) {
    return new Fix(title, List.of(edits), Applicability.SAFE);
  }

  public static Fix unsafe(String title, Edit... edits) {
    return new Fix(title, List.of(edits), Applicability.UNSAFE);
  }

  /** The text after applying this fix to {@code text}, the text its ranges belong to. */
  public String applyTo(String text) {
    return Edit.apply(new SourceText(text), edits);
  }
}
