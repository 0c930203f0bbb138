package dev.dockerlint.syntax;

import java.util.regex.Pattern;

/**
 * A heredoc of RUN, COPY or ADD: {@code <<NAME} on the instruction line and the body lines up to
 * the terminator. {@code content} is the raw body (line endings included; with {@code <<-} leading
 * tabs are still there, BuildKit removes them when it runs the instruction). {@code expand} is
 * false when the name was quoted: then variables in the body are not expanded.
 */
public record Heredoc(
    String name,
    int fileDescriptor,
    boolean expand,
    boolean chomp,
    String content,
    Range markerRange,
    Range bodyRange,
    boolean terminated) {

  private static final Pattern LEADING_TABS = Pattern.compile("(?m)^\t+");

  /** The body as the instruction sees it: with {@code <<-}, leading tabs removed on each line. */
  public String effectiveContent() {
    if (!chomp) {
      return content;
    }
    return LEADING_TABS.matcher(content).replaceAll("");
  }
}
