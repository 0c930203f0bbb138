package dev.dockerlint.imagefs;

import dev.dockerlint.rules.LintMemo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A POSIX shell script cut into simple commands, enough to tell what a RUN does to files: words
 * with quotes removed and known variables substituted, redirections, and the scripts of command
 * substitutions (which run too). Control words ({@code if}, {@code then}, {@code do}, ...), {@code
 * for} headers and {@code case} patterns are dropped, here-document bodies skipped. A word that
 * depends on something unknown (an unset variable, a command substitution, {@code ~}) is marked not
 * {@link Word#literal()}; its {@link Word#regex()} matches every value it may take.
 *
 * <p>This is not a full shell parser: anything it does not understand ends up in words that a
 * caller treats as an unknown command, which is the safe direction.
 */
final class ShellScript {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final Pattern FD = Pattern.compile("[0-9-]*");

  /**
   * One word after quote removal.
   *
   * @param text the value (for non-literal parts, the text as written)
   * @param regex a regular expression matching every value the word can take
   * @param literal whether the value is exactly {@code text} (no glob, no unknown variable)
   */
  record Word(String text, String regex, boolean literal) {}

  /** A redirection such as {@code > /etc/motd}; {@code op} is the operator as written. */
  record Redirect(String op, Word target) {}

  /** A simple command: its words (command name first) and redirections. */
  record Command(List<Word> words, List<Redirect> redirects) {}

  private final String s;
  private final Function<String, Optional<String>> vars;
  private final Map<String, Optional<String>> locals;
  private final List<Command> commands = new ArrayList<>();
  private final List<Token> tokens = new ArrayList<>();
  private final List<String[]> pendingHeredocs = new ArrayList<>();
  private int pos;
  private int depth;

  private sealed interface Token {}

  private record WordToken(Word word) implements Token {}

  private record OpToken(String op) implements Token {}

  private record RedirectToken(Redirect redirect) implements Token {}

  private ShellScript(
      String s, Function<String, Optional<String>> vars, Map<String, Optional<String>> locals) {
    this.s = s;
    this.vars = vars;
    this.locals = locals;
  }

  /**
   * The simple commands of {@code script}, command substitutions' commands included; or what an
   * earlier parse of the same script kept in {@code memo} found when the variables it read have the
   * same values now (the commands depend on nothing else).
   */
  static List<Command> parse(
      String script, Function<String, Optional<String>> vars, LintMemo memo) {
    Key key = new Key(script);
    Optional<Parses> kept = memo.find(key, Parses.class);
    if (kept.isPresent()) {
      for (Parse p : kept.get().parses()) {
        if (p.sameValues(vars)) {
          return p.commands();
        }
      }
    }
    Map<String, Optional<String>> reads = new HashMap<>();
    List<Command> commands =
        List.copyOf(parse(script, n -> reads.computeIfAbsent(n, vars), new HashMap<>(), 0));
    List<Parse> parses = new ArrayList<>();
    parses.add(new Parse(Map.copyOf(reads), commands));
    kept.ifPresent(k -> k.parses().stream().limit(KEPT_PARSES - 1).forEach(parses::add));
    memo.keep(key, new Parses(List.copyOf(parses)));
    return commands;
  }

  /** How many parses of one script with different variable values are kept. */
  private static final int KEPT_PARSES = 4;

  /** A script as a key in a {@link LintMemo}. */
  private record Key(String script) {}

  /** The commands of a script, and the values of the variables that parsing it read. */
  private record Parse(Map<String, Optional<String>> reads, List<Command> commands) {
    boolean sameValues(Function<String, Optional<String>> vars) {
      for (Map.Entry<String, Optional<String>> e : reads.entrySet()) {
        if (!vars.apply(e.getKey()).equals(e.getValue())) {
          return false;
        }
      }
      return true;
    }
  }

  /** The kept parses of one script, the most recent first. */
  private record Parses(List<Parse> parses) {}

  private static List<Command> parse(
      String script,
      Function<String, Optional<String>> vars,
      Map<String, Optional<String>> locals,
      int depth) {
    ShellScript p = new ShellScript(script, vars, locals);
    p.depth = depth;
    p.tokenize();
    p.build();
    return p.commands;
  }

  // ---------------------------------------------------------------------------- tokens

  private final StringBuilder text = new StringBuilder();
  private final StringBuilder regex = new StringBuilder();
  private boolean inWord;
  private boolean literal = true;
  private int wordsInCommand;
  private boolean onlyAssignments = true;

  private void tokenize() {
    int n = s.length();
    while (pos < n) {
      char c = s.charAt(pos);
      if (c == '\\' && pos + 1 < n && s.charAt(pos + 1) == '\n') {
        pos += 2;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        flush();
        pos++;
      } else if (c == '\n') {
        flush();
        op("\n");
        pos++;
        skipHeredocs();
      } else if (c == '#' && !inWord) {
        while (pos < n && s.charAt(pos) != '\n') {
          pos++;
        }
      } else if (c == ';' || c == '&' || c == '|') {
        if (c == '&' && pos + 1 < n && s.charAt(pos + 1) == '>') {
          flush();
          redirect();
          continue;
        }
        flush();
        String two = pos + 1 < n ? s.substring(pos, pos + 2) : "";
        if (two.equals("&&") || two.equals("||") || two.equals(";;") || two.equals("|&")) {
          op(two);
          pos += 2;
        } else {
          op(String.valueOf(c));
          pos++;
        }
      } else if (c == '(' || c == ')') {
        flush();
        op(String.valueOf(c));
        pos++;
      } else if (c == '<' || c == '>') {
        if (inWord && literal && DIGITS.matcher(text).matches()) {
          resetWord();
        } else {
          flush();
        }
        redirect();
      } else {
        wordChar();
      }
    }
    flush();
  }

  private void op(String op) {
    tokens.add(new OpToken(op));
    wordsInCommand = 0;
    onlyAssignments = true;
  }

  private void resetWord() {
    text.setLength(0);
    regex.setLength(0);
    inWord = false;
    literal = true;
  }

  private void flush() {
    if (!inWord) {
      return;
    }
    Word w = new Word(text.toString(), regex.toString(), literal);
    resetWord();
    int eq = w.text().indexOf('=');
    if (onlyAssignments && eq > 0 && NAME.matcher(w.text().substring(0, eq)).matches()) {
      String name = w.text().substring(0, eq);
      locals.put(
          name, w.literal() ? Optional.of(w.text().substring(eq + 1)) : Optional.<String>empty());
    } else if (!(wordsInCommand == 0 && w.text().equals("export") && w.literal())) {
      onlyAssignments = false;
    }
    wordsInCommand++;
    tokens.add(new WordToken(w));
  }

  private void lit(char c) {
    inWord = true;
    text.append(c);
    if (Character.isLetterOrDigit(c) || c == '/' || c == '_' || c == '-' || c == ' ') {
      regex.append(c);
    } else {
      regex.append("\\x{").append(Integer.toHexString(c)).append('}');
    }
  }

  private void lit(String value) {
    for (int i = 0; i < value.length(); i++) {
      lit(value.charAt(i));
    }
  }

  private void dynamic(String raw) {
    inWord = true;
    literal = false;
    text.append(raw);
    regex.append(".*");
  }

  private void wordChar() {
    int n = s.length();
    char c = s.charAt(pos);
    switch (c) {
      case '\'' -> {
        inWord = true;
        int end = s.indexOf('\'', pos + 1);
        end = end < 0 ? n : end;
        lit(s.substring(pos + 1, end));
        pos = Math.min(n, end + 1);
      }
      case '"' -> {
        inWord = true;
        pos++;
        while (pos < n && s.charAt(pos) != '"') {
          char d = s.charAt(pos);
          if (d == '\\' && pos + 1 < n && "$`\"\\\n".indexOf(s.charAt(pos + 1)) >= 0) {
            if (s.charAt(pos + 1) != '\n') {
              lit(s.charAt(pos + 1));
            }
            pos += 2;
          } else if (d == '$') {
            dollar();
          } else if (d == '`') {
            backtick();
          } else {
            lit(d);
            pos++;
          }
        }
        pos++;
      }
      case '\\' -> {
        if (pos + 1 < n) {
          lit(s.charAt(pos + 1));
        }
        pos += 2;
      }
      case '$' -> dollar();
      case '`' -> backtick();
      case '*', '?' -> {
        inWord = true;
        literal = false;
        text.append(c);
        regex.append(c == '*' ? "[^/]*" : "[^/]");
        pos++;
      }
      case '[' -> {
        int end = s.indexOf(']', pos + 2);
        int space = firstOf(pos, " \t\n");
        if (end < 0 || (space >= 0 && space < end)) {
          lit(c);
          pos++;
        } else {
          inWord = true;
          literal = false;
          String cls = s.substring(pos + 1, end);
          text.append('[').append(cls).append(']');
          regex.append(".");
          pos = end + 1;
        }
      }
      case '~' -> {
        if (!inWord) {
          dynamic("~");
        } else {
          lit(c);
        }
        pos++;
      }
      default -> {
        lit(c);
        pos++;
      }
    }
  }

  private int firstOf(int from, String chars) {
    for (int i = from; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private void dollar() {
    int n = s.length();
    if (pos + 1 >= n) {
      lit('$');
      pos++;
      return;
    }
    char next = s.charAt(pos + 1);
    if (next == '(') {
      if (pos + 2 < n && s.charAt(pos + 2) == '(') {
        int end = matching(pos + 1, '(', ')');
        dynamic(s.substring(pos, end));
        pos = end;
        return;
      }
      int end = matching(pos + 1, '(', ')');
      String inner = s.substring(pos + 2, Math.max(pos + 2, end - 1));
      substitution(inner);
      dynamic(s.substring(pos, end));
      pos = end;
    } else if (next == '{') {
      int end = matching(pos + 1, '{', '}');
      String expr = s.substring(pos + 2, Math.max(pos + 2, end - 1));
      Optional<String> value = NAME.matcher(expr).matches() ? lookup(expr) : Optional.empty();
      if (value.isPresent()) {
        lit(value.get());
      } else {
        dynamic(s.substring(pos, end));
      }
      pos = end;
    } else if (next == '\'') {
      int end = s.indexOf('\'', pos + 2);
      end = end < 0 ? n : end;
      lit(ansiC(s.substring(pos + 2, end)));
      pos = Math.min(n, end + 1);
    } else if (Character.isLetter(next) || next == '_') {
      int end = pos + 1;
      while (end < n && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) {
        end++;
      }
      String name = s.substring(pos + 1, end);
      Optional<String> value = lookup(name);
      if (value.isPresent()) {
        lit(value.get());
      } else {
        dynamic("$" + name);
      }
      pos = end;
    } else if ("@*#?$!-0123456789".indexOf(next) >= 0) {
      dynamic(s.substring(pos, pos + 2));
      pos += 2;
    } else {
      lit('$');
      pos++;
    }
  }

  private Optional<String> lookup(String name) {
    if (locals.containsKey(name)) {
      return locals.get(name);
    }
    return vars.apply(name);
  }

  private static String ansiC(String body) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length()) {
        char e = body.charAt(++i);
        switch (e) {
          case 'r' -> out.append('\r');
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          default -> out.append(e);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private void backtick() {
    int end = s.indexOf('`', pos + 1);
    end = end < 0 ? s.length() : end;
    substitution(s.substring(pos + 1, end));
    dynamic(s.substring(pos, Math.min(s.length(), end + 1)));
    pos = Math.min(s.length(), end + 1);
  }

  /** Index just after the bracket matching the one at {@code open}, skipping quoted text. */
  private int matching(int open, char o, char c) {
    int level = 0;
    int i = open;
    while (i < s.length()) {
      char ch = s.charAt(i);
      if (ch == '\\') {
        i += 2;
        continue;
      }
      if (ch == '\'' && o == '(') {
        int q = s.indexOf('\'', i + 1);
        i = q < 0 ? s.length() : q + 1;
        continue;
      }
      if (ch == o) {
        level++;
      } else if (ch == c) {
        level--;
        if (level == 0) {
          return i + 1;
        }
      }
      i++;
    }
    return s.length();
  }

  private void substitution(String inner) {
    if (depth < 8) {
      commands.addAll(parse(inner, vars, locals, depth + 1));
    }
  }

  private void redirect() {
    int n = s.length();
    String[] ops = {"<<<", "<<-", "&>>", "<<", "<>", "<&", ">>", ">|", ">&", "&>", "<", ">"};
    String op = ">";
    for (String candidate : ops) {
      if (s.startsWith(candidate, pos)) {
        op = candidate;
        break;
      }
    }
    pos += op.length();
    while (pos < n && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
      pos++;
    }
    int before = tokens.size();
    boolean saved = onlyAssignments;
    int savedCount = wordsInCommand;
    while (pos < n && " \t\r\n;&|()<>".indexOf(s.charAt(pos)) < 0) {
      wordChar();
    }
    Word target = new Word(text.toString(), regex.toString(), literal);
    resetWord();
    onlyAssignments = saved;
    wordsInCommand = savedCount;
    while (tokens.size() > before) {
      tokens.remove(tokens.size() - 1);
    }
    if (op.equals("<<") || op.equals("<<-")) {
      pendingHeredocs.add(new String[] {target.text(), op});
      return;
    }
    if (op.equals(">&") || op.equals("<&")) {
      if (FD.matcher(target.text()).matches()) {
        return;
      }
      op = ">";
    }
    tokens.add(new RedirectToken(new Redirect(op, target)));
  }

  private void skipHeredocs() {
    for (String[] h : pendingHeredocs) {
      String delimiter = h[0];
      boolean tabs = h[1].equals("<<-");
      while (pos < s.length()) {
        int end = s.indexOf('\n', pos);
        int lineEnd = end < 0 ? s.length() : end;
        String line = s.substring(pos, lineEnd);
        if (line.endsWith("\r")) {
          line = line.substring(0, line.length() - 1);
        }
        if (tabs) {
          line = line.replaceFirst("^\t+", "");
        }
        pos = end < 0 ? s.length() : end + 1;
        if (line.equals(delimiter)) {
          break;
        }
      }
    }
    pendingHeredocs.clear();
  }

  // ---------------------------------------------------------------------------- commands

  private static final List<String> DROPPED =
      List.of(
          "if", "then", "else", "elif", "fi", "do", "done", "while", "until", "{", "}", "!",
          "time");

  private void build() {
    List<Word> words = new ArrayList<>();
    List<Redirect> redirects = new ArrayList<>();
    int caseDepth = 0;
    boolean pattern = false;
    boolean skipHeader = false;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t instanceof WordToken wt) {
        Word w = wt.word();
        boolean start = words.isEmpty();
        if (skipHeader) {
          continue;
        }
        if (start && pattern && !(w.literal() && w.text().equals("esac"))) {
          while (i + 1 < tokens.size()
              && !(tokens.get(i + 1) instanceof OpToken o && o.op().equals(")"))) {
            i++;
          }
          i++;
          pattern = false;
          continue;
        }
        if (start && w.literal()) {
          switch (w.text()) {
            case "case" -> {
              while (i + 1 < tokens.size()
                  && !(tokens.get(i + 1) instanceof WordToken x && x.word().text().equals("in"))) {
                i++;
              }
              i++;
              caseDepth++;
              pattern = true;
              continue;
            }
            case "esac" -> {
              caseDepth = Math.max(0, caseDepth - 1);
              pattern = false;
              continue;
            }
            case "for", "select" -> {
              skipHeader = true;
              continue;
            }
            default -> {
              if (DROPPED.contains(w.text())) {
                continue;
              }
            }
          }
        }
        words.add(w);
      } else if (t instanceof RedirectToken rt) {
        if (!skipHeader) {
          redirects.add(rt.redirect());
        }
      } else if (t instanceof OpToken o) {
        skipHeader = false;
        end(words, redirects);
        words = new ArrayList<>();
        redirects = new ArrayList<>();
        if (o.op().equals(";;") && caseDepth > 0) {
          pattern = true;
        } else if ((o.op().equals("\n") || o.op().equals(";")) && pattern) {
          pattern = true;
        }
      }
    }
    end(words, redirects);
  }

  private void end(List<Word> words, List<Redirect> redirects) {
    if (!words.isEmpty() || !redirects.isEmpty()) {
      commands.add(new Command(List.copyOf(words), List.copyOf(redirects)));
    }
  }
}
