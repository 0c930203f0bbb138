package dev.dockerlint.grammar;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The lexer's input: Dockerfile text that ends with a newline, as {@code DockerfileLexer.g4}
 * requires. ANTLR indexes its input by code point; text without surrogates (nearly every
 * Dockerfile) has one code point per {@code char}, so this stream reads the string itself instead
 * of copying it into a code point buffer, and supplies the final newline without copying the text
 * either. Text with surrogates goes through {@link CharStreams#fromString}.
 */
public final class SourceCharStream implements CharStream {
  private final String text;
  private final int size;
  private int index;

  private SourceCharStream(String text, int size) {
    this.text = text;
    this.size = size;
  }

  /** A stream over {@code text}, with a {@code \n} after it when it does not end with one. */
  public static CharStream of(String text) {
    boolean newline = text.endsWith("\n");
    for (int i = 0, n = text.length(); i < n; i++) {
      if (Character.isSurrogate(text.charAt(i))) {
        return CharStreams.fromString(newline ? text : text + "\n");
      }
    }
    return new SourceCharStream(text, newline ? text.length() : text.length() + 1);
  }

  private int at(int i) {
    return i < text.length() ? text.charAt(i) : '\n';
  }

  @Override
  public void consume() {
    if (index >= size) {
      throw new IllegalStateException("cannot consume EOF");
    }
    index++;
  }

  @Override
  public int LA(int i) {
    if (i > 0) {
      int at = index + i - 1;
      return at < size ? at(at) : IntStream.EOF;
    }
    if (i < 0) {
      int at = index + i;
      return at >= 0 ? at(at) : IntStream.EOF;
    }
    return 0;
  }

  @Override
  public int index() {
    return index;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public int mark() {
    return -1;
  }

  @Override
  public void release(int marker) {
    // the whole text is in memory: nothing to release
  }

  @Override
  public void seek(int index) {
    this.index = index;
  }

  @Override
  public String getText(Interval interval) {
    int start = Math.min(interval.a, size);
    int end = start + Math.min(interval.b - interval.a + 1, size - start);
    if (end <= start) {
      return "";
    }
    if (end <= text.length()) {
      return text.substring(start, end);
    }
    return text.substring(start) + "\n";
  }

  /** {@link #LA} for {@code i > 0}. */
  int la(int i) {
    int at = index + i - 1;
    return at < size ? at(at) : IntStream.EOF;
  }

  /** The first index from {@code from} of a newline, a carriage return or {@code escape}. */
  int rawTextEnd(int from, int escape) {
    int i = from;
    for (int n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == escape) {
        return i;
      }
    }
    return Math.min(i, size);
  }

  /** The index of the next newline from {@code from}, or the size at the end of the input. */
  int lineEnd(int from) {
    int i = text.indexOf('\n', from);
    return i >= 0 ? i : Math.min(Math.max(from, text.length()), size);
  }

  /** The index of the next {@code c} (not the newline) from {@code from}, or the size. */
  int indexOf(char c, int from) {
    int i = text.indexOf(c, from);
    return i >= 0 ? i : size;
  }

  /** Whether the character {@code c} (not the newline) occurs at an index in {@code [from, to)}. */
  boolean contains(char c, int from, int to) {
    for (int i = Math.max(0, from), end = Math.min(to, text.length()); i < end; i++) {
      if (text.charAt(i) == c) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String getSourceName() {
    return IntStream.UNKNOWN_SOURCE_NAME;
  }

  @Override
  public String toString() {
    return getText(Interval.of(0, size - 1));
  }
}
