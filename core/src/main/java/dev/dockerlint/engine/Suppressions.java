package dev.dockerlint.engine;

import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.RuleMeta;
import dev.dockerlint.syntax.Comment;
import dev.dockerlint.syntax.Directive;
import dev.dockerlint.syntax.Dockerfile;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline suppressions written in the Dockerfile:
 *
 * <ul>
 *   <li>{@code # dockerlint ignore=CODE[,CODE] [reason]}: the next instruction;
 *   <li>{@code # dockerlint global ignore=CODE[,...]}: the whole file;
 *   <li>hadolint's {@code # hadolint ignore=DL3006} and {@code # hadolint global ignore=...};
 *   <li>BuildKit's {@code # check=skip=Name[,Name]} directive (file-wide, {@code all} for
 *       everything) and the same line above an instruction.
 * </ul>
 *
 * Codes are matched against each rule's code, name and aliases, so a hadolint code or a BuildKit
 * check name suppresses the dockerlint rule that carries it.
 */
public final class Suppressions {
  private static final Pattern PRAGMA =
      Pattern.compile(
          "^(dockerlint|hadolint)\\s+(?:(global|stage)\\s+)?ignore\\s*=\\s*([A-Za-z0-9_,\\- ]+?)(?:\\s+(.*))?$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern CHECK =
      Pattern.compile("^check\\s*=\\s*(.*)$", Pattern.CASE_INSENSITIVE);

  /** One suppression: which ids, over which source range, written where. */
  public record Entry(List<String> ids, Range scope, Range written, boolean global) {}

  private final List<Entry> entries;

  private Suppressions(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  public List<Entry> entries() {
    return entries;
  }

  public static Suppressions of(Dockerfile file) {
    List<Entry> out = new ArrayList<>();
    Range whole = file.source().range(0, file.source().length());
    for (Directive d : file.directives()) {
      if (d.name().equals("check")) {
        List<String> skip = checkSkips(d.value());
        if (!skip.isEmpty()) {
          out.add(new Entry(skip, whole, d.range(), true));
        }
      }
    }
    for (Comment c : file.comments()) {
      String text = c.text();
      Matcher m = PRAGMA.matcher(text);
      List<String> ids;
      boolean global;
      if (m.matches()) {
        ids = split(m.group(3));
        global = m.group(2) != null && m.group(2).equalsIgnoreCase("global");
      } else {
        Matcher ch = CHECK.matcher(text);
        if (!ch.matches()) {
          continue;
        }
        ids = checkSkips(ch.group(1));
        global = false;
      }
      if (ids.isEmpty()) {
        continue;
      }
      if (global) {
        out.add(new Entry(ids, whole, c.range(), true));
        continue;
      }
      Instruction next = nextInstruction(file, c.range().endOffset());
      if (next != null) {
        Range scope =
            file.source()
                .range(
                    file.source().lineStart(next.header().firstLine()),
                    file.source().lineEnd(next.header().lastLine()));
        out.add(new Entry(ids, scope, c.range(), false));
      }
    }
    return new Suppressions(out);
  }

  private static List<String> checkSkips(String value) {
    List<String> out = new ArrayList<>();
    for (String part : value.split(";")) {
      String p = part.trim();
      int eq = p.indexOf('=');
      if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase("skip")) {
        out.addAll(split(p.substring(eq + 1)));
      }
    }
    return out;
  }

  private static List<String> split(String ids) {
    List<String> out = new ArrayList<>();
    for (String s : ids.split("[,\\s]+")) {
      if (!s.isBlank()) {
        out.add(s.trim());
      }
    }
    return out;
  }

  private static Instruction nextInstruction(Dockerfile file, int offset) {
    for (Instruction i : file.instructions()) {
      if (i.range().startOffset() >= offset) {
        return i;
      }
    }
    return null;
  }

  /** Whether a suppression covers {@code d}. */
  public boolean suppresses(Diagnostic d) {
    for (Entry e : entries) {
      if (!e.scope().contains(d.range()) && !e.scope().touches(d.range().startOffset())) {
        continue;
      }
      for (String id : e.ids()) {
        if (id.toLowerCase(Locale.ROOT).equals("all") || matches(d.rule(), id)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean matches(RuleMeta rule, String id) {
    return rule.matches(id);
  }
}
