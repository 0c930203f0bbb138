package dev.dockerlint.cli;

import java.util.ArrayList;
import java.util.List;

/** A unified diff ({@code diff -u}) of two texts, from a Myers shortest edit script. */
final class UnifiedDiff {
  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  private enum Op {
    KEEP,
    DELETE,
    INSERT
  }

  private record Step(Op op, int a, int b) {}

  /** The diff with {@code --- a/PATH} / {@code +++ b/PATH} headers; empty when equal. */
  static String diff(String path, String before, String after) {
    if (before.equals(after)) {
      return "";
    }
    List<String> a = lines(before);
    List<String> b = lines(after);
    List<Step> script = script(a, b);
    StringBuilder out = new StringBuilder();
    out.append("--- a/").append(path).append('\n');
    out.append("+++ b/").append(path).append('\n');
    int i = 0;
    while (i < script.size()) {
      if (script.get(i).op() == Op.KEEP) {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      int keeps = 0;
      while (end < script.size()) {
        if (script.get(end).op() == Op.KEEP) {
          keeps++;
          if (keeps > 2 * CONTEXT) {
            keeps--;
            break;
          }
        } else {
          keeps = 0;
        }
        end++;
      }
      end = Math.min(script.size(), end - Math.max(0, keeps - CONTEXT));
      hunk(out, script.subList(start, end), a, b);
      i = end;
    }
    return out.toString();
  }

  private static void hunk(StringBuilder out, List<Step> steps, List<String> a, List<String> b) {
    int aStart = -1;
    int bStart = -1;
    int aLen = 0;
    int bLen = 0;
    StringBuilder body = new StringBuilder();
    for (Step s : steps) {
      switch (s.op()) {
        case KEEP -> {
          aStart = aStart < 0 ? s.a() : aStart;
          bStart = bStart < 0 ? s.b() : bStart;
          aLen++;
          bLen++;
          line(body, ' ', a.get(s.a()));
        }
        case DELETE -> {
          aStart = aStart < 0 ? s.a() : aStart;
          bStart = bStart < 0 ? s.b() : bStart;
          aLen++;
          line(body, '-', a.get(s.a()));
        }
        case INSERT -> {
          aStart = aStart < 0 ? s.a() : aStart;
          bStart = bStart < 0 ? s.b() : bStart;
          bLen++;
          line(body, '+', b.get(s.b()));
        }
      }
    }
    out.append("@@ -")
        .append(range(aStart, aLen))
        .append(" +")
        .append(range(bStart, bLen))
        .append(" @@\n")
        .append(body);
  }

  private static String range(int start, int len) {
    int first = len == 0 ? start : start + 1;
    return len == 1 ? String.valueOf(first) : first + "," + len;
  }

  private static void line(StringBuilder out, char mark, String line) {
    out.append(mark);
    if (line.endsWith("\n")) {
      out.append(line);
    } else {
      out.append(line).append("\n\\ No newline at end of file\n");
    }
  }

  private static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    int at = 0;
    while (at < text.length()) {
      int nl = text.indexOf('\n', at);
      int end = nl < 0 ? text.length() : nl + 1;
      out.add(text.substring(at, end));
      at = end;
    }
    return out;
  }

  /** Myers' greedy algorithm, keeping each round's furthest points to trace the path back. */
  private static List<Step> script(List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    int max = n + m;
    int offset = max + 1;
    int[] v = new int[2 * max + 3];
    List<int[]> trace = new ArrayList<>();
    outer:
    for (int d = 0; d <= max; d++) {
      trace.add(v.clone());
      for (int k = -d; k <= d; k += 2) {
        int x =
            (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                ? v[offset + k + 1]
                : v[offset + k - 1] + 1;
        int y = x - k;
        while (x < n && y < m && a.get(x).equals(b.get(y))) {
          x++;
          y++;
        }
        v[offset + k] = x;
        if (x >= n && y >= m) {
          trace.add(v.clone());
          break outer;
        }
      }
    }
    List<Step> steps = new ArrayList<>();
    int x = n;
    int y = m;
    for (int d = trace.size() - 2; d >= 0 && (x > 0 || y > 0); d--) {
      int[] pv = trace.get(d);
      int k = x - y;
      int prevK = (k == -d || (k != d && pv[offset + k - 1] < pv[offset + k + 1])) ? k + 1 : k - 1;
      int prevX = d == 0 ? 0 : pv[offset + prevK];
      int prevY = prevX - prevK;
      while (x > prevX && y > prevY) {
        steps.add(new Step(Op.KEEP, --x, --y));
      }
      if (d > 0) {
        if (x == prevX) {
          steps.add(new Step(Op.INSERT, x, --y));
        } else {
          steps.add(new Step(Op.DELETE, --x, y));
        }
      }
    }
    java.util.Collections.reverse(steps);
    return steps;
  }
}
