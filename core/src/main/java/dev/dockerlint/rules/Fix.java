package dev.dockerlint.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A change that resolves a finding: sorted, non-overlapping edits with one title. */
public record Fix(String title, List<Edit> edits, Applicability applicability) {
  public Fix {
    List<Edit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt(e -> e.range().startOffset()));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).range().startOffset() < sorted.get(i - 1).range().endOffset()) {
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

  /** The text after applying this fix to {@code text}. */
  public String applyTo(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    int at = 0;
    for (Edit e : edits) {
      sb.append(text, at, e.range().startOffset()).append(e.replacement());
      at = e.range().endOffset();
    }
    return sb.append(text, at, text.length()).toString();
  }
}
