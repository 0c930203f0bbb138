package dev.dockerlint.shell;

import dev.dockerlint.syntax.Range;
import dev.dockerlint.syntax.SourceText;
import dev.dockerlint.syntax.Word;
import java.util.Arrays;

/**
 * Text assembled from pieces of a Dockerfile (a RUN command's logical line, heredoc bodies) with,
 * for every character, the source offset it came from, so that a place found in the text maps back
 * to an exact range of the file, across line continuations.
 *
 * <p>The offsets it keeps are offsets in the one text it was built from, and they never leave this
 * class: {@link #range} turns them into positions against that same text. The language server keeps
 * syntax nodes after an edited line between versions, and their lines and columns, unlike their
 * offsets, are the same in both; a range from here is right in either.
 */
public final class MappedText {
  private final SourceText source;
  private final StringBuilder text = new StringBuilder();
  private int[] offsets = new int[64];

  public MappedText(SourceText source) {
    this.source = source;
  }

  public String text() {
    return text.toString();
  }

  public int length() {
    return text.length();
  }

  /** Appends text whose characters all map to one source offset (a synthetic separator). */
  public MappedText appendAt(String s, int sourceOffset) {
    ensure(text.length() + s.length());
    for (int i = 0; i < s.length(); i++) {
      offsets[text.length() + i] = sourceOffset;
    }
    text.append(s);
    return this;
  }

  /** Appends text copied verbatim from the source at {@code sourceOffset}. */
  public MappedText appendVerbatim(String s, int sourceOffset) {
    ensure(text.length() + s.length());
    for (int i = 0; i < s.length(); i++) {
      offsets[text.length() + i] = sourceOffset + i;
    }
    text.append(s);
    return this;
  }

  /**
   * Appends a word of an instruction's logical line: its value is the source text of its range
   * minus line continuations (the escape character, the line break, and comment or blank lines
   * inside the continuation), which is undone here to find each character's offset.
   */
  public MappedText appendWord(Word w, int escape) {
    String value = w.value();
    String src = source.text();
    int from = source.startOffset(w.range());
    int j = from;
    int to = Math.max(j, source.endOffset(w.range()));
    ensure(text.length() + value.length());
    int base = text.length();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      while (j < to && src.charAt(j) != c) {
        int after = continuationEnd(src, j, to, escape);
        j = after > j ? after : j + 1;
      }
      offsets[base + i] = Math.min(j, Math.max(to - 1, from));
      if (j < to) {
        j++;
      }
    }
    text.append(value);
    return this;
  }

  /**
   * When {@code j} is the escape character ending a line, the offset after the continuation: the
   * line break and any comment or blank lines after it; else {@code j}.
   */
  private static int continuationEnd(String src, int j, int to, int escape) {
    if (src.charAt(j) != escape) {
      return j;
    }
    int k = j + 1;
    while (k < to && (src.charAt(k) == ' ' || src.charAt(k) == '\t' || src.charAt(k) == '\r')) {
      k++;
    }
    if (k >= to || src.charAt(k) != '\n') {
      return j;
    }
    k++;
    while (k < to) {
      int nl = src.indexOf('\n', k);
      int lineEnd = nl < 0 || nl > to ? to : nl;
      String line = src.substring(k, lineEnd).strip();
      if (nl >= 0 && nl < to && (line.isEmpty() || line.startsWith("#"))) {
        k = nl + 1;
      } else {
        break;
      }
    }
    return k;
  }

  private void ensure(int n) {
    if (n > offsets.length) {
      offsets = Arrays.copyOf(offsets, Math.max(n, offsets.length * 2));
    }
  }

  /** The source offset of text index {@code i} (the end maps after the last character). */
  private int sourceOffset(int i) {
    if (text.length() == 0) {
      return 0;
    }
    if (i >= text.length()) {
      return offsets[text.length() - 1] + 1;
    }
    return offsets[Math.max(0, i)];
  }

  /** The source range of text {@code [from, to)}. */
  public Range range(int from, int to) {
    if (to <= from) {
      int at = sourceOffset(from);
      return source.range(at, at);
    }
    int s = sourceOffset(from);
    int e = sourceOffset(to - 1) + 1;
    return source.range(s, Math.max(s, e));
  }
}
