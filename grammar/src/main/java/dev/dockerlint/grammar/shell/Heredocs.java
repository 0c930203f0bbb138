package dev.dockerlint.grammar.shell;
import java.util.*;
import java.util.regex.*;
public final class Heredocs {
  private static final Pattern P = Pattern.compile("^(\\d*)<<(-?)\\s*([^<]*)$");
  public static List<HeredocMarker> fromLine(String line) {
    List<HeredocMarker> out = new ArrayList<>();
    for (String w : line.trim().split("\\s+")) parse(w).ifPresent(out::add);
    return out;
  }
  public static Optional<HeredocMarker> parse(String word) {
    Matcher m = P.matcher(word);
    if (!m.matches() || m.group(3).isEmpty()) return Optional.empty();
    String raw = m.group(3);
    String name = raw.replace("\"", "").replace("'", "");
    return Optional.of(new HeredocMarker(name, m.group(1).isEmpty() ? 0 : Integer.parseInt(m.group(1)), name.equals(raw), !m.group(2).isEmpty()));
  }
}
