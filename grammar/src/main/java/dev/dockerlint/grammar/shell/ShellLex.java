package dev.dockerlint.grammar.shell;

import dev.dockerlint.grammar.GoText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * BuildKit's shell word lexer: expands variables in a Dockerfile word and removes its quotes and
 * escapes, exactly as {@code docker build} does before running an instruction.
 *
 * <p>Dockerfile words are not shell words. BuildKit ({@code frontend/dockerfile/shell/lex.go})
 * implements its own small subset of {@code sh}, with its own quirks, and a linter that predicts
 * what a build does must reproduce it rather than a real shell. Supported:
 *
 * <ul>
 *   <li>{@code $NAME}, {@code ${NAME}}; a name is a letter, digit or {@code _} run, all digits
 *       ({@code $12}), or one special parameter {@code @ * # ? - $ !}. A {@code $} followed by
 *       anything else is a literal {@code $}.
 *   <li>{@code ${NAME-word}}, {@code ${NAME+word}}, {@code ${NAME?message}} and the {@code :} forms
 *       that also treat an empty value as unset; {@code ?} fails the build.
 *   <li>{@code ${NAME#pattern}}, {@code ${NAME##pattern}}, {@code ${NAME%pattern}}, {@code
 *       ${NAME%%pattern}}, {@code ${NAME/pattern/replacement}}, {@code
 *       ${NAME//pattern/replacement}} with the wildcards {@code *} and {@code ?}, which never match
 *       a newline; {@code \*}, {@code \?} and {@code \\} are literals and there are no bracket
 *       expressions. {@code ${#NAME}}, {@code ${NAME:=word}} and {@code ${NAME:#…}} are errors.
 *   <li>{@code '…'} keeps everything literally; {@code "…"} expands {@code $} and lets the escape
 *       token escape only {@code "}, {@code $} and itself; elsewhere the escape token escapes any
 *       character, and one at the end of the word is dropped.
 *   <li>{@code <<} and the blanks after it are kept together, so {@code << EOF} stays one word for
 *       heredoc detection (see {@link Heredocs}; Dockerfile frontend 1.16 and later).
 * </ul>
 *
 * <p>Options mirror the fields of BuildKit's {@code Lex} and are set in an immutable "with" style:
 * {@code new ShellLex('\\').withSkipUnsetEnv(true)} returns a new lexer. Instances are immutable
 * and thread-safe (BuildKit's are not).
 *
 * <p>One BuildKit quirk is reproduced on purpose: since Dockerfile frontend 1.9 (BuildKit v0.15)
 * the partial word built before a {@code ${NAME<modifier>…}} expansion is lost by {@link
 * #processWords}, so {@code a${X:-b}c} splits into {@code [bc]}. {@link #processWord} is not
 * affected.
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/#environment-replacement">Dockerfile
 *     reference: environment replacement</a>
 */
public final class ShellLex {
  private static final int EOF = GoText.EOF;

  private final int escapeToken;
  private final boolean rawQuotes;
  private final boolean rawEscapes;
  private final boolean skipProcessQuotes;
  private final boolean skipUnsetEnv;

  /**
   * A lexer with all options off.
   *
   * @param escapeToken the Dockerfile's escape character, {@code '\\'} or {@code '`'} (the only two
   *     the {@code # escape=} directive accepts)
   * @throws IllegalArgumentException for any other character
   */
  public ShellLex(int escapeToken) {
    this(checkEscapeToken(escapeToken), false, false, false, false);
  }

  private ShellLex(
      int escapeToken,
      boolean rawQuotes,
      boolean rawEscapes,
      boolean skipProcessQuotes,
      boolean skipUnsetEnv) {
    this.escapeToken = escapeToken;
    this.rawQuotes = rawQuotes;
    this.rawEscapes = rawEscapes;
    this.skipProcessQuotes = skipProcessQuotes;
    this.skipUnsetEnv = skipUnsetEnv;
  }

  private static int checkEscapeToken(int escapeToken) {
    if (escapeToken != '\\' && escapeToken != '`') {
      throw new IllegalArgumentException(
          "escape token must be '\\' or '`', not " + GoText.quote(GoText.runeString(escapeToken)));
    }
    return escapeToken;
  }

  /** The escape character this lexer honours. */
  public int escapeToken() {
    return escapeToken;
  }

  /** Whether quote characters are kept in the result (they still group and protect text). */
  public boolean rawQuotes() {
    return rawQuotes;
  }

  /**
   * A lexer that keeps ({@code true}) or removes quote characters; BuildKit's {@code RawQuotes}.
   */
  public ShellLex withRawQuotes(boolean on) {
    return new ShellLex(escapeToken, on, rawEscapes, skipProcessQuotes, skipUnsetEnv);
  }

  /** Whether escape characters are kept in the result (they still escape). */
  public boolean rawEscapes() {
    return rawEscapes;
  }

  /**
   * A lexer that keeps ({@code true}) or removes escape characters; BuildKit's {@code RawEscapes}.
   */
  public ShellLex withRawEscapes(boolean on) {
    return new ShellLex(escapeToken, rawQuotes, on, skipProcessQuotes, skipUnsetEnv);
  }

  /** Whether quotes are ordinary characters. */
  public boolean skipProcessQuotes() {
    return skipProcessQuotes;
  }

  /**
   * A lexer for which {@code '} and {@code "} are ordinary characters ({@code true}); BuildKit's
   * {@code SkipProcessQuotes}.
   */
  public ShellLex withSkipProcessQuotes(boolean on) {
    return new ShellLex(escapeToken, rawQuotes, rawEscapes, on, skipUnsetEnv);
  }

  /** Whether references to unset variables are left as written. */
  public boolean skipUnsetEnv() {
    return skipUnsetEnv;
  }

  /**
   * A lexer that leaves a reference to an unset variable as written ({@code true}), e.g. {@code
   * ${A:-x}} stays {@code ${A:-x}}, instead of expanding it; BuildKit's {@code SkipUnsetEnv}.
   */
  public ShellLex withSkipUnsetEnv(boolean on) {
    return new ShellLex(escapeToken, rawQuotes, rawEscapes, skipProcessQuotes, on);
  }

  /**
   * Expands {@code word} and removes its quotes and escapes, as BuildKit's {@code
   * ProcessWordWithMatches}. Blanks are kept: the result is one string.
   *
   * @return the result and the names looked up in {@code env}, found or not (BuildKit's
   *     UndefinedVar check reports the unmatched ones)
   * @throws ShellLexException where BuildKit fails the build
   */
  public Result processWord(String word, Env env) throws ShellLexException {
    if (isLiteral(word)) {
      return new Result(word, Set.of(), Set.of());
    }
    Run run = new Run(word, env, true, null);
    String result = run.processWhole();
    return new Result(result, run.matched, run.unmatched);
  }

  /**
   * Whether {@code word} has nothing to expand, unquote or unescape: no {@code $}, {@code <}, quote
   * or escape character. Most words of a Dockerfile are such, and need no lexing.
   */
  private boolean isLiteral(String word) {
    for (int k = 0; k < word.length(); k++) {
      char c = word.charAt(k);
      if (c == '$' || c == '<' || c == '\'' || c == '"' || c == escapeToken) {
        return false;
      }
    }
    return true;
  }

  /**
   * Expands {@code word}, then splits it on blanks ({@code unicode.IsSpace}) like BuildKit's {@code
   * ProcessWords}. Only text that comes from an expansion outside quotes, or that is written
   * unquoted and unescaped, splits: quoted or escaped blanks stay in the word, and empty words are
   * dropped.
   *
   * @throws ShellLexException where BuildKit fails the build
   */
  public List<String> processWords(String word, Env env) throws ShellLexException {
    Words words = new Words();
    new Run(word, env, false, words).processWhole();
    return Collections.unmodifiableList(words.finish());
  }

  /**
   * The variables a word can refer to. Only lookups matter to the lexer; {@link #keys()} is for
   * callers that want to suggest a similar name.
   */
  public interface Env {
    /** The value of {@code name}, or empty if it is unset (an empty value is set). */
    Optional<String> get(String name);

    /** The names as they were defined. */
    Collection<String> keys();

    /** No variable is set. */
    static Env empty() {
      return MapEnv.EMPTY;
    }

    /**
     * The variables of {@code m}, with case-sensitive names as on Linux builds; a {@code null}
     * value counts as unset.
     */
    static Env of(Map<String, String> m) {
      return of(m, NameCase.SENSITIVE);
    }

    /**
     * The variables of {@code m}. With {@link NameCase#INSENSITIVE} (Windows builds) names are
     * compared after Go's per-character upper-casing, and if two names of {@code m} differ only in
     * case the one iterated last wins.
     */
    static Env of(Map<String, String> m, NameCase nameCase) {
      return new MapEnv(m, nameCase);
    }
  }

  /** How variable names are compared: BuildKit's {@code NormalizeEnvKey} per platform. */
  public enum NameCase {
    /** Linux and the other Unix platforms: {@code $path} is not {@code $PATH}. */
    SENSITIVE,
    /** Windows: {@code $path} is {@code $PATH}. */
    INSENSITIVE
  }

  /**
   * The outcome of {@link #processWord}.
   *
   * @param result the expanded word
   * @param matched names that were looked up and set, in first-use order
   * @param unmatched names that were looked up and unset, in first-use order
   */
  public record Result(String result, Set<String> matched, Set<String> unmatched) {
    public Result {
      matched = copy(matched);
      unmatched = copy(unmatched);
    }

    /** An unmodifiable copy in the same order; most words look nothing up, so no copy then. */
    private static Set<String> copy(Set<String> names) {
      return names.isEmpty() ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(names));
    }
  }

  private static final class MapEnv implements Env {
    static final MapEnv EMPTY = new MapEnv(Map.of(), NameCase.SENSITIVE);

    private final Map<String, String> values;
    private final List<String> keys;
    private final NameCase nameCase;

    MapEnv(Map<String, String> m, NameCase nameCase) {
      this.nameCase = nameCase;
      this.keys = List.copyOf(m.keySet());
      Map<String, String> normalized = new HashMap<>();
      m.forEach((k, v) -> normalized.put(normalize(k), v));
      this.values = normalized;
    }

    @Override
    public Optional<String> get(String name) {
      return Optional.ofNullable(values.get(normalize(name)));
    }

    @Override
    public Collection<String> keys() {
      return keys;
    }

    /** Go's {@code strings.ToUpper}: simple per-character mapping, so {@code ß} stays. */
    private String normalize(String name) {
      if (nameCase == NameCase.SENSITIVE) {
        return name;
      }
      StringBuilder upper = new StringBuilder(name.length());
      name.codePoints().forEach(cp -> upper.appendCodePoint(Character.toUpperCase(cp)));
      return upper.toString();
    }
  }

  /**
   * BuildKit's word splitting state. {@code pending} is the word being built; BuildKit shares it
   * with the nested lexing of {@code ${NAME<modifier>…}}, which empties it (see {@link
   * #loseUnfinishedWord()}).
   */
  private static final class Words {
    private final StringBuilder pending = new StringBuilder();
    private final List<String> done = new ArrayList<>();
    private boolean inWord;

    /** Text that splits: a blank ends the current word. */
    void addSplitting(int cp) {
      if (!GoText.isSpace(cp)) {
        addRaw(cp);
      } else if (inWord && pending.length() != 0) {
        done.add(pending.toString());
        pending.setLength(0);
        inWord = false;
      }
    }

    void addSplitting(String s) {
      for (int i = 0; i < s.length(); ) {
        int cp = s.codePointAt(i);
        addSplitting(cp);
        i += Character.charCount(cp);
      }
    }

    /** Text that does not split (quoted, escaped): it joins the current word, even if empty. */
    void addRaw(int cp) {
      pending.appendCodePoint(cp);
      inWord = true;
    }

    void addRaw(String s) {
      pending.append(s);
      inWord = true;
    }

    /**
     * BuildKit v0.15+ (moby/buildkit commit 4c935cf9) resets its shared word buffer when it lexes
     * the word of a {@code ${NAME<modifier>…}} expansion, dropping what the current word held.
     */
    void loseUnfinishedWord() {
      pending.setLength(0);
    }

    List<String> finish() {
      if (pending.length() > 0) {
        done.add(pending.toString());
        pending.setLength(0);
        inWord = false;
      }
      return done;
    }
  }

  /** Thrown inside a {@link Run}; turned into a {@link ShellLexException} naming the word. */
  private static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    final int offset;

    Failure(String reason, int offset) {
      super(reason, null, false, false);
      this.offset = offset;
    }
  }

  /** The state of one call: a cursor over the word's code points, like Go's text/scanner. */
  private final class Run {
    private final String src;
    private final Env env;
    private final boolean capture;
    private final Words words;
    private final Set<String> matched = new LinkedHashSet<>();
    private final Set<String> unmatched = new LinkedHashSet<>();
    private int pos;

    Run(String src, Env env, boolean capture, Words words) {
      this.src = src;
      this.env = env;
      this.capture = capture;
      this.words = words;
      // Go's text/scanner drops a byte order mark at the very start of its input
      this.pos = !src.isEmpty() && src.charAt(0) == GoText.BOM ? 1 : 0;
    }

    String processWhole() throws ShellLexException {
      try {
        return processUntil(EOF, rawEscapes, words, null, 0);
      } catch (Failure f) {
        throw ShellLexException.lexing(src, f.getMessage(), f.offset);
      }
    }

    private int peek() {
      return pos < src.length() ? src.codePointAt(pos) : EOF;
    }

    private int next() {
      int cp = peek();
      if (cp != EOF) {
        pos += Character.charCount(cp);
      }
      return cp;
    }

    /**
     * Lexes up to {@code stop} (consumed) or the end of the word. {@code into} receives the word
     * splitting of the top level only; nested calls pass {@code null}. A nested call that runs out
     * of input fails with {@code missing}, reported at {@code openedAt}.
     */
    private String processUntil(int stop, boolean raw, Words into, String missing, int openedAt)
        throws Failure {
      if (into == null && words != null) {
        words.loseUnfinishedWord();
      }
      StringBuilder result = new StringBuilder();
      while (peek() != EOF) {
        int ch = peek();
        if (stop != EOF && ch == stop) {
          next();
          return result.toString();
        }
        if (isSpecial(ch)) {
          String part;
          try {
            part = processSpecial(ch, raw);
          } catch (Failure f) {
            if (stop != EOF && peek() == EOF) {
              throw new Failure(missing, openedAt);
            }
            throw f;
          }
          result.append(part);
          if (into != null) {
            if (ch == '$') {
              into.addSplitting(part);
            } else {
              into.addRaw(part);
            }
          }
          continue;
        }
        ch = next();
        if (ch == escapeToken) {
          if (raw) {
            result.appendCodePoint(ch);
            if (into != null) {
              into.addRaw(ch);
            }
          }
          ch = next();
          if (ch == EOF) {
            break;
          }
          if (into != null) {
            into.addRaw(ch);
          }
        } else if (into != null) {
          into.addSplitting(ch);
        }
        result.appendCodePoint(ch);
      }
      if (stop != EOF) {
        throw new Failure(missing, openedAt);
      }
      return result.toString();
    }

    private boolean isSpecial(int ch) {
      return ch == '$' || ch == '<' || (!skipProcessQuotes && (ch == '\'' || ch == '"'));
    }

    private String processSpecial(int ch, boolean raw) throws Failure {
      return switch (ch) {
        case '$' -> processDollar();
        case '<' -> processPossibleHeredoc();
        case '\'' -> processSingleQuote();
        default -> processDoubleQuote(raw);
      };
    }

    /** Everything up to the next {@code '} is literal; a single quote cannot be escaped. */
    private String processSingleQuote() throws Failure {
      int openedAt = pos;
      next();
      int from = pos;
      int close = src.indexOf('\'', from);
      if (close < 0) {
        pos = src.length();
        throw new Failure(
            "unexpected end of statement while looking for matching single-quote", openedAt);
      }
      pos = close + 1;
      return rawQuotes ? src.substring(openedAt, pos) : src.substring(from, close);
    }

    /** Expands {@code $}; the escape token escapes only {@code "}, {@code $} and itself. */
    private String processDoubleQuote(boolean raw) throws Failure {
      int openedAt = pos;
      StringBuilder result = new StringBuilder();
      int ch = next();
      if (rawQuotes) {
        result.appendCodePoint(ch);
      }
      while (true) {
        switch (peek()) {
          case EOF ->
              throw new Failure(
                  "unexpected end of statement while looking for matching double-quote", openedAt);
          case '"' -> {
            ch = next();
            if (rawQuotes) {
              result.appendCodePoint(ch);
            }
            return result.toString();
          }
          case '$' -> result.append(processDollar());
          default -> {
            ch = next();
            if (ch == escapeToken) {
              if (raw) {
                result.appendCodePoint(ch);
              }
              int escaped = peek();
              if (escaped == EOF) {
                continue;
              }
              if (escaped == '"' || escaped == '$' || escaped == escapeToken) {
                ch = next();
              }
              // any other escape stays, and with raw escapes BuildKit writes it twice
            }
            result.appendCodePoint(ch);
          }
        }
      }
    }

    /** {@code <<} takes the blanks after it along, so a heredoc opener stays one word. */
    private String processPossibleHeredoc() {
      next();
      if (peek() != '<') {
        return "<";
      }
      next();
      int blanksFrom = pos;
      while (peek() == ' ' || peek() == '\t' || peek() == '\r') {
        next();
      }
      return "<<" + src.substring(blanksFrom, pos);
    }

    private String processDollar() throws Failure {
      int start = pos;
      next();
      if (peek() != '{') {
        String name = processName();
        if (name.isEmpty()) {
          return "$";
        }
        Optional<String> value = getEnv(name);
        if (value.isEmpty() && skipUnsetEnv) {
          return "$" + name;
        }
        return value.orElse("");
      }
      next();
      int first = peek();
      if (first == EOF) {
        throw new Failure("syntax error: missing '}'", start);
      }
      if (first == '{' || first == '}' || first == ':') {
        throw new Failure("syntax error: bad substitution", start);
      }
      String name = processName();
      int op = next();
      switch (op) {
        case '}' -> {
          Optional<String> value = getEnv(name);
          if (value.isEmpty() && skipUnsetEnv) {
            return "${" + name + "}";
          }
          return value.orElse("");
        }
        case ':' -> {
          int afterColon = next();
          return processModifier(
              start, name, afterColon, ":" + GoText.runeString(afterColon), true);
        }
        case '+', '-', '?', '#', '%' -> {
          return processModifier(start, name, op, GoText.runeString(op), false);
        }
        case '/' -> {
          return processSubstitution(start, name);
        }
        default -> throw unsupported(GoText.runeString(op), start);
      }
    }

    private Failure unsupported(String modifier, int start) {
      return new Failure("unsupported modifier (" + modifier + ") in substitution", start);
    }

    /** {@code ${NAME<op>word}}, where a leading {@code :} ({@code nullIsUnset}) was consumed. */
    private String processModifier(
        int start, String name, int op, String modifier, boolean nullIsUnset) throws Failure {
      boolean patternOp = op == '#' || op == '%';
      if (nullIsUnset && patternOp) {
        throw unsupported(modifier, start);
      }
      String word = processUntil('}', patternOp, null, "syntax error: missing '}'", start);
      Optional<String> found = getEnv(name);
      if (found.isEmpty() && skipUnsetEnv) {
        return "${" + name + modifier + word + "}";
      }
      boolean unset = found.isEmpty() || (nullIsUnset && found.get().isEmpty());
      String value = found.orElse("");
      switch (op) {
        case '-' -> {
          return unset ? word : value;
        }
        case '+' -> {
          return unset ? "" : word;
        }
        case '?' -> {
          if (found.isEmpty()) {
            throw new Failure(
                name + ": " + (word.isEmpty() ? "is not allowed to be unset" : word), start);
          }
          if (unset) {
            throw new Failure(
                name + ": " + (word.isEmpty() ? "is not allowed to be empty" : word), start);
          }
          return value;
        }
        case '#', '%' -> {
          return trim(start, value, word, op);
        }
        default -> throw unsupported(modifier, start);
      }
    }

    /**
     * {@code #}/{@code %} remove the shortest matching prefix/suffix, {@code ##}/{@code %%} the
     * longest.
     */
    private String trim(int start, String value, String word, int op) throws Failure {
      boolean greedy = !word.isEmpty() && word.charAt(0) == op;
      String pattern = greedy ? word.substring(1) : word;
      if (op == '#') {
        return compile(start, pattern, greedy).trimPrefix(value);
      }
      // the match runs on the reversed value, and BuildKit's message shows the reversed pattern
      return compile(start, ShellPattern.reverse(pattern), greedy).trimSuffixOfReversed(value);
    }

    /** {@code ${NAME/pattern/replacement}} and {@code ${NAME//pattern/replacement}}. */
    private String processSubstitution(int start, String name) throws Failure {
      boolean all = peek() == '/';
      if (all) {
        next();
      }
      String pattern = processUntil('/', true, null, "syntax error: missing '/' in ${}", start);
      String replacement = processUntil('}', true, null, "syntax error: missing '}'", start);
      Optional<String> found = getEnv(name);
      if (found.isEmpty() && skipUnsetEnv) {
        // BuildKit writes a single slash back, even for //
        return "${" + name + "/" + pattern + "/" + replacement + "}";
      }
      String value = found.orElse("");
      ShellPattern compiled = compile(start, pattern, true);
      return all
          ? compiled.replaceAll(value, replacement)
          : compiled.replaceFirst(value, replacement);
    }

    private ShellPattern compile(int start, String pattern, boolean greedy) throws Failure {
      try {
        return ShellPattern.compile(pattern, greedy);
      } catch (ShellPattern.InvalidPatternException e) {
        throw new Failure(
            "invalid pattern (" + pattern + ") in substitution: " + e.getMessage(), start);
      }
    }

    /**
     * A name: a run of letters, digits and {@code _}; or, as the first character, a run of digits
     * (positional parameters) or one special parameter.
     */
    private String processName() {
      int from = pos;
      int first = peek();
      if (first == EOF) {
        return "";
      }
      if (Character.isDigit(first)) {
        while (peek() != EOF && Character.isDigit(peek())) {
          next();
        }
        return src.substring(from, pos);
      }
      if (isSpecialParameter(first)) {
        next();
        return src.substring(from, pos);
      }
      for (int ch = peek(); ch != EOF; ch = peek()) {
        if (!Character.isLetter(ch) && !Character.isDigit(ch) && ch != '_') {
          break;
        }
        next();
      }
      return src.substring(from, pos);
    }

    private Optional<String> getEnv(String name) {
      Optional<String> value = env.get(name);
      if (capture) {
        (value.isPresent() ? matched : unmatched).add(name);
      }
      return value;
    }
  }

  /** POSIX special parameters; {@code 0} is one too but is read as a digit run first. */
  private static boolean isSpecialParameter(int ch) {
    return switch (ch) {
      case '@', '*', '#', '?', '-', '$', '!' -> true;
      default -> false;
    };
  }
}
