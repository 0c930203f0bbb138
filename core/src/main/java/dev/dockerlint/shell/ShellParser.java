package dev.dockerlint.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A recursive-descent reader of shell syntax that collects simple commands and pipes. It is
 * forgiving: unexpected text is skipped, every loop consumes input, unterminated quotes and
 * substitutions run to the end of the text.
 */
final class ShellParser {
  private static final Set<String> RESERVED =
      Set.of(
          "if",
          "then",
          "elif",
          "else",
          "fi",
          "do",
          "done",
          "while",
          "until",
          "for",
          "in",
          "case",
          "esac",
          "{",
          "}",
          "!",
          "function",
          "select",
          "[[",
          "]]");

  private final String s;
  private final int end;
  private int pos;
  private final List<ShellCommand> commands = new ArrayList<>();
  private final List<ShellPipe> pipes = new ArrayList<>();
  private boolean inSubstitution;
  private final List<Heredoc> pendingHeredocs = new ArrayList<>();
  private int subshell;

  private record Heredoc(String delimiter, boolean stripTabs) {}

  ShellParser(String s) {
    this.s = s;
    this.end = s.length();
  }

  List<ShellCommand> commands() {
    return commands;
  }

  List<ShellPipe> pipes() {
    return pipes;
  }

  void parse() {
    while (pos < end) {
      int before = pos;
      list(Set.of(), (char) 0);
      if (pos == before) {
        pos++; // a stray ')' or '}' at the top: skip it
      }
    }
  }

  // ------------------------------------------------------------------------- lists

  /** Commands up to a stop word in command position, the close character, or the end. */
  private void list(Set<String> stopWords, char close) {
    while (true) {
      separators();
      if (pos >= end || (close != 0 && s.charAt(pos) == close)) {
        return;
      }
      if (close == 0 && (s.charAt(pos) == ')' || s.charAt(pos) == '}') && !stopWords.isEmpty()) {
        return;
      }
      String w = peekReserved();
      if (w != null && stopWords.contains(w)) {
        return;
      }
      if (startsWith(";;")) {
        return;
      }
      int before = pos;
      andOr(stopWords, close);
      if (pos == before) {
        if (close == 0 && stopWords.isEmpty()) {
          return;
        }
        pos++;
      }
    }
  }

  /** Blanks, newlines (reading pending heredoc bodies), {@code ;}, {@code &} and comments. */
  private void separators() {
    while (pos < end) {
      char c = s.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r') {
        pos++;
      } else if (c == '\n') {
        pos++;
        heredocBodies();
      } else if (c == '\\' && pos + 1 < end && s.charAt(pos + 1) == '\n') {
        pos += 2;
      } else if (c == '#') {
        skipComment();
      } else if (c == ';' && !startsWith(";;")) {
        pos++;
      } else if (c == '&' && !startsWith("&&") && !startsWith("&>")) {
        pos++;
      } else {
        return;
      }
    }
  }

  private void andOr(Set<String> stopWords, char close) {
    pipeline(stopWords, close);
    while (true) {
      blanks();
      if (startsWith("&&") || startsWith("||")) {
        pos += 2;
        linebreaks();
        String w = peekReserved();
        if (pos >= end || (w != null && stopWords.contains(w))) {
          return;
        }
        pipeline(stopWords, close);
      } else {
        return;
      }
    }
  }

  private void pipeline(Set<String> stopWords, char close) {
    blanks();
    if (peekReserved() != null && "!".equals(peekReserved())) {
      pos++;
    }
    int first = commands.size();
    Optional<ShellCommand> left = commandAt(stopWords, close);
    while (true) {
      blanks();
      if (pos < end && s.charAt(pos) == '|' && !startsWith("||")) {
        List<ShellCommand> leftCommands = List.copyOf(commands.subList(first, commands.size()));
        pipes.add(new ShellPipe(pos, left, leftCommands, inSubstitution));
        pos += startsWith("|&") ? 2 : 1;
        linebreaks();
        first = commands.size();
        left = commandAt(stopWords, close);
      } else {
        return;
      }
    }
  }

  /** Reads a command; returns it when it is a simple command. */
  private Optional<ShellCommand> commandAt(Set<String> stopWords, char close) {
    blanks();
    int start = pos;
    int before = commands.size();
    command(stopWords, close);
    for (int i = before; i < commands.size(); i++) {
      if (commands.get(i).start() == start) {
        return Optional.of(commands.get(i));
      }
    }
    return Optional.empty();
  }

  // ------------------------------------------------------------------------- commands

  private void command(Set<String> stopWords, char close) {
    blanks();
    if (pos >= end) {
      return;
    }
    char c = s.charAt(pos);
    if (c == '(') {
      if (startsWith("((")) {
        skipBalanced("((", "))");
      } else {
        pos++;
        subshell++;
        list(Set.of(), ')');
        subshell--;
        expect(")");
      }
      redirectionsAfterCompound();
      return;
    }
    String w = peekReserved();
    if (w != null) {
      switch (w) {
        case "{" -> {
          pos++;
          list(Set.of("}"), (char) 0);
          expectWord("}");
          redirectionsAfterCompound();
          return;
        }
        case "if" -> {
          pos += 2;
          list(Set.of("then"), close);
          expectWord("then");
          list(Set.of("elif", "else", "fi"), close);
          while ("elif".equals(peekReserved())) {
            pos += 4;
            list(Set.of("then"), close);
            expectWord("then");
            list(Set.of("elif", "else", "fi"), close);
          }
          if ("else".equals(peekReserved())) {
            pos += 4;
            list(Set.of("fi"), close);
          }
          expectWord("fi");
          redirectionsAfterCompound();
          return;
        }
        case "while", "until" -> {
          pos += w.length();
          list(Set.of("do"), close);
          doGroup(close);
          return;
        }
        case "for", "select" -> {
          pos += w.length();
          blanks();
          if (startsWith("((")) {
            skipBalanced("((", "))");
          } else {
            word();
            blanks();
            if ("in".equals(peekReserved())) {
              pos += 2;
              while (true) {
                blanks();
                if (pos >= end || s.charAt(pos) == ';' || s.charAt(pos) == '\n') {
                  break;
                }
                int before = pos;
                word();
                if (pos == before) {
                  pos++;
                }
              }
            }
          }
          separators();
          doGroup(close);
          return;
        }
        case "case" -> {
          pos += 4;
          blanks();
          word();
          blanks();
          if ("in".equals(peekReserved())) {
            pos += 2;
          }
          caseItems();
          return;
        }
        case "function" -> {
          pos += 8;
          blanks();
          word();
          blanks();
          if (startsWith("()")) {
            pos += 2;
          }
          linebreaks();
          command(stopWords, close);
          return;
        }
        case "[[" -> {
          pos += 2;
          while (pos < end && !"]]".equals(peekReserved())) {
            int before = pos;
            if (s.charAt(pos) == '\n') {
              pos++;
            } else {
              blanks();
              word();
            }
            if (pos == before) {
              pos++;
            }
            blanks();
          }
          if ("]]".equals(peekReserved())) {
            pos += 2;
          }
          return;
        }
        default -> {
          if (stopWords.contains(w)
              || w.equals("then")
              || w.equals("do")
              || w.equals("done")
              || w.equals("fi")
              || w.equals("esac")
              || w.equals("}")
              || w.equals("elif")
              || w.equals("else")) {
            pos += w.length(); // out of place: skip it
            return;
          }
        }
      }
    }
    simpleCommand();
  }

  private void doGroup(char close) {
    separators();
    if ("do".equals(peekReserved())) {
      pos += 2;
      list(Set.of("done"), close);
      expectWord("done");
    }
    redirectionsAfterCompound();
  }

  private void caseItems() {
    while (pos < end) {
      separators();
      if (pos >= end || "esac".equals(peekReserved())) {
        break;
      }
      // pattern list up to an unquoted ')'
      if (s.charAt(pos) == '(') {
        pos++;
      }
      while (pos < end && s.charAt(pos) != ')') {
        int before = pos;
        char c = s.charAt(pos);
        if (c == '|' || c == ' ' || c == '\t' || c == '\n') {
          pos++;
        } else {
          word();
        }
        if (pos == before) {
          pos++;
        }
      }
      if (pos < end) {
        pos++;
      }
      list(Set.of("esac"), (char) 0);
      if (startsWith(";;&")) {
        pos += 3;
      } else if (startsWith(";;") || startsWith(";&")) {
        pos += 2;
      }
    }
    expectWord("esac");
    redirectionsAfterCompound();
  }

  private void simpleCommand() {
    List<ShellWord> words = new ArrayList<>();
    int start = pos;
    int last = pos;
    boolean assignments = true;
    while (pos < end) {
      blanks();
      if (pos >= end) {
        break;
      }
      char c = s.charAt(pos);
      if (c == '\n' || c == ';' || c == '&' && !startsWith("&>") || c == '|' || c == ')') {
        break;
      }
      if (c == '#' && (pos == 0 || isBlank(s.charAt(pos - 1)))) {
        skipComment();
        break;
      }
      if (redirection()) {
        last = pos;
        continue;
      }
      if (c == '(' && words.isEmpty()) {
        break;
      }
      if (c == '(' && words.size() == 1 && startsWith("()")) {
        // a function definition: name () compound
        pos += 2;
        linebreaks();
        command(Set.of(), (char) 0);
        return;
      }
      int before = pos;
      ShellWord w = word();
      if (pos == before) {
        pos++;
        continue;
      }
      last = pos;
      if (assignments && isAssignment(w, before)) {
        continue;
      }
      assignments = false;
      words.add(w);
    }
    if (!words.isEmpty()) {
      commands.add(newCommand(words, start, last, subshell > 0));
    }
  }

  private static ShellCommand newCommand(
      List<ShellWord> words, int start, int end, boolean subshell) {
    ShellWord first = words.get(0);
    List<ShellWord> args = words.subList(1, words.size());
    String name = first.literal() ? first.value() : "";
    if (first.literal()) {
      switch (first.value()) {
        case "busybox", "builtin", "command" -> {
          if (!args.isEmpty() && !args.get(0).value().startsWith("-") && args.get(0).literal()) {
            name = args.get(0).value();
          }
        }
        case "exec" -> {
          for (int i = 0; i < args.size(); i++) {
            String a = args.get(i).value();
            if (a.equals("-a")) {
              i++;
            } else if (!a.startsWith("-")) {
              if (args.get(i).literal()) {
                name = a;
              }
              break;
            }
          }
        }
        default -> {}
      }
    }
    return new ShellCommand(name, first, args, start, end, subshell);
  }

  /** {@code NAME=...}, {@code NAME+=...}, {@code NAME[i]=...} (then a {@code (...)} array). */
  private boolean isAssignment(ShellWord w, int start) {
    int i = start;
    if (i >= end || !(Character.isLetter(s.charAt(i)) || s.charAt(i) == '_')) {
      return false;
    }
    while (i < end && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
      i++;
    }
    if (i < end && s.charAt(i) == '[') {
      while (i < end && s.charAt(i) != ']') {
        i++;
      }
      i++;
    }
    if (i < end && s.charAt(i) == '+') {
      i++;
    }
    if (i < end && s.charAt(i) == '=') {
      if (pos < end && s.charAt(pos) == '(' && pos == w.end()) {
        skipBalanced("(", ")");
      }
      return true;
    }
    return false;
  }

  /** A redirection operator and its target (reads heredoc markers). */
  private boolean redirection() {
    int p = pos;
    while (p < end && Character.isDigit(s.charAt(p))) {
      p++;
    }
    if (p < end && s.charAt(p) == '{' && p == pos) {
      // {fd}> form: {name}>
      int q = s.indexOf('}', p);
      if (q > 0 && q + 1 < end && (s.charAt(q + 1) == '>' || s.charAt(q + 1) == '<')) {
        p = q + 1;
      }
    }
    if (p >= end) {
      return false;
    }
    String op = null;
    for (String o :
        new String[] {"&>>", "<<<", "<<-", "&>", ">>", "<<", "<&", ">&", "<>", ">|", "<", ">"}) {
      if (s.startsWith(o, p)) {
        op = o;
        break;
      }
    }
    if (op == null) {
      return false;
    }
    if ((op.equals("<") || op.equals(">")) && p + 1 < end && s.charAt(p + 1) == '(') {
      return false; // process substitution is a word
    }
    if (p != pos && op.startsWith("&")) {
      return false;
    }
    pos = p + op.length();
    blanks();
    if (op.equals("<<") || op.equals("<<-")) {
      int ws = pos;
      ShellWord delim = word();
      String d = unquoteDelimiter(s.substring(ws, pos));
      if (!d.isEmpty() || delim.end() > ws) {
        pendingHeredocs.add(new Heredoc(d, op.equals("<<-")));
      }
    } else {
      word();
    }
    return true;
  }

  private static String unquoteDelimiter(String raw) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\'' || c == '"') {
        continue;
      }
      if (c == '\\' && i + 1 < raw.length()) {
        sb.append(raw.charAt(++i));
        continue;
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /** After a newline: skip the bodies of the heredocs opened on the line before. */
  private void heredocBodies() {
    if (pendingHeredocs.isEmpty()) {
      return;
    }
    List<Heredoc> todo = new ArrayList<>(pendingHeredocs);
    pendingHeredocs.clear();
    for (Heredoc h : todo) {
      while (pos < end) {
        int nl = s.indexOf('\n', pos);
        int lineEnd = nl < 0 ? end : nl;
        String line = s.substring(pos, lineEnd);
        if (line.endsWith("\r")) {
          line = line.substring(0, line.length() - 1);
        }
        if (h.stripTabs()) {
          line = line.replaceFirst("^\t+", "");
        }
        pos = nl < 0 ? end : nl + 1;
        if (line.equals(h.delimiter())) {
          break;
        }
      }
    }
  }

  private void redirectionsAfterCompound() {
    while (true) {
      blanks();
      if (!redirection()) {
        return;
      }
    }
  }

  // ------------------------------------------------------------------------- words

  /** One word at {@code pos} (possibly empty when at a metacharacter). */
  private ShellWord word() {
    int start = pos;
    StringBuilder value = new StringBuilder();
    boolean literal = true;
    while (pos < end) {
      char c = s.charAt(pos);
      if (isBlank(c) || c == '\n' || c == ';' || c == '&' || c == '|' || c == ')') {
        break;
      }
      if ((c == '<' || c == '>') && !(pos + 1 < end && s.charAt(pos + 1) == '(')) {
        break;
      }
      if (c == '(' && !(pos > start && isExtglobStart(s.charAt(pos - 1)))) {
        if (pos > start && s.charAt(pos - 1) == '=') {
          skipBalanced("(", ")");
          literal = false;
          continue;
        }
        break;
      }
      switch (c) {
        case '\\' -> {
          if (pos + 1 < end) {
            if (s.charAt(pos + 1) != '\n') {
              value.append(s.charAt(pos + 1));
            }
            pos += 2;
          } else {
            pos++;
          }
        }
        case '\'' -> {
          int q = s.indexOf('\'', pos + 1);
          int stop = q < 0 ? end : q;
          value.append(s, pos + 1, stop);
          pos = q < 0 ? end : q + 1;
        }
        case '"' -> literal &= doubleQuoted(value);
        case '`' -> {
          backticks();
          value.append("${VAR}");
          literal = false;
        }
        case '$' -> literal &= dollar(value, false);
        case '<', '>' -> {
          pos++;
          int inner = pos + 1;
          skipBalanced("(", ")");
          nested(inner, Math.max(inner, pos - 1));
          value.append("${VAR}");
          literal = false;
        }
        default -> {
          if ((c == '?' || c == '*' || c == '+' || c == '@' || c == '!')
              && pos + 1 < end
              && s.charAt(pos + 1) == '(') {
            value.append(c);
            pos++;
            int from = pos;
            skipBalanced("(", ")");
            value.append(s, from, pos);
          } else {
            value.append(c);
            pos++;
          }
        }
      }
    }
    return new ShellWord(value.toString(), literal, start, pos);
  }

  private static boolean isExtglobStart(char c) {
    return c == '?' || c == '*' || c == '+' || c == '@' || c == '!';
  }

  /** A double-quoted part; returns whether it was literal. */
  private boolean doubleQuoted(StringBuilder value) {
    boolean literal = true;
    pos++;
    while (pos < end) {
      char c = s.charAt(pos);
      if (c == '"') {
        pos++;
        return literal;
      }
      if (c == '\\' && pos + 1 < end) {
        char n = s.charAt(pos + 1);
        if (n == '$' || n == '`' || n == '"' || n == '\\') {
          value.append(n);
        } else if (n != '\n') {
          value.append(c).append(n);
        }
        pos += 2;
      } else if (c == '$') {
        literal &= dollar(value, true);
      } else if (c == '`') {
        backticks();
        value.append("${VAR}");
        literal = false;
      } else {
        value.append(c);
        pos++;
      }
    }
    return literal;
  }

  /** A {@code $} expansion at {@code pos}; returns whether it was literal (a lone $). */
  private boolean dollar(StringBuilder value, boolean inQuotes) {
    if (pos + 1 >= end) {
      value.append('$');
      pos++;
      return true;
    }
    char n = s.charAt(pos + 1);
    if (n == '(') {
      if (startsWith("$((")) {
        pos++;
        skipBalanced("((", "))");
        value.append("${VAR}");
      } else {
        pos++;
        int inner = pos + 1;
        skipBalanced("(", ")");
        int innerEnd = Math.max(inner, pos - 1);
        nested(inner, innerEnd);
        value.append("${").append(s.substring(inner, innerEnd).replaceAll("\\s+", "")).append('}');
      }
      return false;
    }
    if (n == '{') {
      pos++;
      int inner = pos + 1;
      skipBalanced("{", "}");
      int innerEnd = Math.max(inner, pos - 1);
      value.append("${").append(s, inner, innerEnd).append('}');
      return false;
    }
    if (n == '\'' && !inQuotes) {
      int q = pos + 2;
      StringBuilder sb = new StringBuilder();
      while (q < end && s.charAt(q) != '\'') {
        if (s.charAt(q) == '\\' && q + 1 < end) {
          sb.append(s.charAt(q)).append(s.charAt(q + 1));
          q += 2;
        } else {
          sb.append(s.charAt(q++));
        }
      }
      value.append(sb);
      pos = Math.min(end, q + 1);
      return true;
    }
    if (n == '"' && !inQuotes) {
      pos++;
      return doubleQuoted(value);
    }
    if (Character.isLetter(n) || n == '_') {
      int q = pos + 1;
      while (q < end && (Character.isLetterOrDigit(s.charAt(q)) || s.charAt(q) == '_')) {
        q++;
      }
      value.append("${").append(s, pos + 1, q).append('}');
      pos = q;
      return false;
    }
    if (Character.isDigit(n) || "@*#?$!-".indexOf(n) >= 0) {
      value.append("${").append(n).append('}');
      pos += 2;
      return false;
    }
    value.append('$');
    pos++;
    return true;
  }

  private void backticks() {
    int q = pos + 1;
    while (q < end && s.charAt(q) != '`') {
      if (s.charAt(q) == '\\') {
        q++;
      }
      q++;
    }
    int innerEnd = Math.min(q, end);
    nested(pos + 1, innerEnd);
    pos = Math.min(end, q + 1);
  }

  /** Reads the commands of a substitution's text (offsets stay those of this script). */
  private void nested(int from, int to) {
    if (to <= from) {
      return;
    }
    ShellParser inner = new ShellParser(s.substring(0, to));
    inner.pos = from;
    inner.subshell = subshell + 1;
    inner.inSubstitution = true;
    inner.parse();
    commands.addAll(inner.commands);
    pipes.addAll(inner.pipes);
  }

  /**
   * Skips from {@code open} at {@code pos} to its matching {@code close}, minding quotes and
   * nesting; {@code pos} ends after the close (or at the end).
   */
  private void skipBalanced(String open, String close) {
    pos += open.length();
    int depth = 1;
    char o = open.charAt(0);
    char cl = close.charAt(0);
    while (pos < end) {
      char c = s.charAt(pos);
      if (c == '\\') {
        pos += 2;
        continue;
      }
      if (c == '\'' && o != '{') {
        int q = s.indexOf('\'', pos + 1);
        pos = q < 0 ? end : q + 1;
        continue;
      }
      if (c == '"') {
        pos++;
        while (pos < end && s.charAt(pos) != '"') {
          pos += s.charAt(pos) == '\\' ? 2 : 1;
        }
        pos++;
        continue;
      }
      if (c == '#' && o == '(' && (isBlank(s.charAt(pos - 1)) || s.charAt(pos - 1) == '\n')) {
        skipComment();
        continue;
      }
      if (c == o) {
        depth++;
      } else if (c == cl) {
        depth--;
        if (depth == 0) {
          pos += s.startsWith(close, pos) ? close.length() : 1;
          return;
        }
      }
      pos++;
    }
    pos = Math.min(pos, end);
  }

  // ------------------------------------------------------------------------- helpers

  /** The reserved word at {@code pos} when it stands alone as a word, else null. */
  private String peekReserved() {
    int q = pos;
    while (q < end && !isBlank(s.charAt(q)) && "\n;&|()<>".indexOf(s.charAt(q)) < 0) {
      q++;
    }
    if (q == pos) {
      if (pos < end && s.charAt(pos) == '!') {
        return "!";
      }
      return null;
    }
    String w = s.substring(pos, q);
    return RESERVED.contains(w) ? w : null;
  }

  private void expectWord(String w) {
    separators();
    if (w.equals(peekReserved())) {
      pos += w.length();
    }
  }

  private void expect(String t) {
    separators();
    if (s.startsWith(t, pos)) {
      pos += t.length();
    }
  }

  private void blanks() {
    while (pos < end) {
      char c = s.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r') {
        pos++;
      } else if (c == '\\' && pos + 1 < end && s.charAt(pos + 1) == '\n') {
        pos += 2;
      } else {
        return;
      }
    }
  }

  private void linebreaks() {
    while (pos < end) {
      blanks();
      if (pos < end && s.charAt(pos) == '\n') {
        pos++;
        heredocBodies();
      } else if (pos < end && s.charAt(pos) == '#') {
        skipComment();
      } else {
        return;
      }
    }
  }

  private void skipComment() {
    int nl = s.indexOf('\n', pos);
    pos = nl < 0 ? end : nl;
  }

  private boolean startsWith(String t) {
    return s.startsWith(t, pos);
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r';
  }
}
