package dev.dockerlint.cli;

/**
 * Renders a rule's Markdown page for a terminal: headings bold (and the title underlined), code
 * blocks indented, inline code and emphasis markers removed. Plain text without colours.
 */
final class TerminalMarkdown {
  private TerminalMarkdown() {}

  static String render(String markdown, boolean color) {
    StringBuilder out = new StringBuilder();
    boolean code = false;
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("```")) {
        code = !code;
        continue;
      }
      if (code) {
        out.append("    ").append(paint(color, "36", line)).append('\n');
      } else if (line.startsWith("# ")) {
        String t = line.substring(2).trim();
        out.append(paint(color, "1;4", t)).append('\n');
        if (!color) {
          out.append("=".repeat(t.length())).append('\n');
        }
      } else if (line.startsWith("## ")) {
        String t = line.substring(3).trim();
        out.append(paint(color, "1", color ? t : t.toUpperCase(java.util.Locale.ROOT)))
            .append('\n');
      } else {
        out.append(inline(line, color)).append('\n');
      }
    }
    String s = out.toString();
    while (s.endsWith("\n\n")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  private static String inline(String line, boolean color) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '`') {
        int close = line.indexOf('`', i + 1);
        if (close > i) {
          sb.append(paint(color, "36", line.substring(i + 1, close)));
          i = close + 1;
          continue;
        }
      } else if (line.startsWith("**", i)) {
        int close = line.indexOf("**", i + 2);
        if (close > i) {
          sb.append(paint(color, "1", line.substring(i + 2, close)));
          i = close + 2;
          continue;
        }
      } else if (c == '[') {
        int mid = line.indexOf("](", i);
        int close = mid < 0 ? -1 : line.indexOf(')', mid);
        if (mid > i && close > mid) {
          sb.append(line, i + 1, mid).append(" <").append(line, mid + 2, close).append('>');
          i = close + 1;
          continue;
        }
      }
      sb.append(c);
      i++;
    }
    return sb.toString();
  }

  private static String paint(boolean color, String code, String text) {
    return color ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }
}
