package dev.dockerlint.syntax;

import dev.dockerlint.grammar.GoText;
import java.util.ArrayList;
import java.util.List;

/**
 * BuildKit's parser-level word rules, applied to a {@link Logical} line so every word keeps its
 * source range. These are behaviours of BuildKit's Dockerfile parser ({@code line_parsers.go},
 * {@code split_command.go}); see the Dockerfile reference for the user-facing side.
 */
final class BuildkitWords {
  private BuildkitWords() {}

  /** A span {@code [start, end)} of the logical line and the word value BuildKit gives it. */
  record Span(int start, int end, String value) {}

  /** Split on runs of {@code [\t\v\f\r ]} (FROM, EXPOSE, shell-form COPY/ADD/VOLUME). */
  static List<Span> splitBlank(Logical l, int from, int to) {
    List<Span> out = new ArrayList<>();
    int i = from;
    while (i < to) {
      int s = i;
      while (i < to && !GoText.isBlank(l.charAt(i))) {
        i++;
      }
      out.add(new Span(s, i, l.substring(s, i)));
      if (i < to) {
        while (i < to && GoText.isBlank(l.charAt(i))) {
          i++;
        }
        if (i == to) {
          out.add(new Span(i, i, ""));
        }
      }
    }
    return out;
  }

  /**
   * Words of ARG and of ENV/LABEL key=value form: unquoted white space separates, quotes group and
   * stay in the word, the escape character and the character after it both stay, an escape at the
   * very end is dropped.
   */
  static List<Span> parseWords(Logical l, int from, int to, int escape) {
    List<Span> out = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    int i = from;
    while (i < to) {
      while (i < to && GoText.isSpace(l.charAt(i))) {
        i++;
      }
      if (i >= to) {
        break;
      }
      int start = i;
      sb.setLength(0);
      boolean blankOk = false;
      int quote = 0;
      while (i < to) {
        char ch = l.charAt(i);
        if (quote == 0) {
          if (GoText.isSpace(ch)) {
            break;
          }
          if (ch == '\'' || ch == '"') {
            quote = ch;
            blankOk = true;
          }
          if (ch == escape) {
            if (i + 1 == to) {
              i++;
              continue;
            }
            sb.append(ch);
            i++;
            ch = l.charAt(i);
          }
          sb.append(ch);
          i++;
        } else {
          if (ch == quote) {
            quote = 0;
          }
          if (ch == escape && quote != '\'') {
            if (i + 1 == to) {
              quote = 0;
              i++;
              continue;
            }
            sb.append(ch);
            i++;
            ch = l.charAt(i);
          }
          sb.append(ch);
          i++;
        }
      }
      if (blankOk || sb.length() > 0) {
        out.add(new Span(start, i, sb.toString()));
      }
    }
    return out;
  }

  /**
   * A flag word as BuildKit reads it: quotes removed, the escape character takes the next character
   * literally (also inside quotes), an escape at the very end is dropped.
   */
  static String unquoteFlag(String word, int escape) {
    StringBuilder sb = new StringBuilder(word.length());
    int quote = 0;
    for (int i = 0; i < word.length(); i++) {
      char ch = word.charAt(i);
      if (quote == 0 && (ch == '\'' || ch == '"')) {
        quote = ch;
        continue;
      }
      if (quote != 0 && ch == quote) {
        quote = 0;
        continue;
      }
      if (ch == escape) {
        if (i + 1 == word.length()) {
          continue;
        }
        i++;
        ch = word.charAt(i);
      }
      sb.append(ch);
    }
    return sb.toString();
  }
}
