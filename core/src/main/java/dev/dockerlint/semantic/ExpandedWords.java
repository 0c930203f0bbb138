package dev.dockerlint.semantic;

import dev.dockerlint.grammar.shell.ShellLex;
import dev.dockerlint.grammar.shell.ShellLexException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Words a semantic model expanded, with the values of the variables each one looked up, so that the
 * model of the next version of a document expands an unchanged word again only when one of those
 * values changed. Most words of a long file are the same from one keystroke to the next, but their
 * instructions are new objects wherever the edit moved them.
 *
 * <p>Sound because the lexer is deterministic: given the word, it asks for the same first name, and
 * as long as every answer is the one recorded, it asks for the same next name and ends with the
 * same result. {@link ShellLex.Result} lists every name the lexer asked for, set ({@code matched})
 * or not ({@code unmatched}); the values of the set ones are kept here. A word the lexer rejects is
 * not kept.
 *
 * <p>An instance serves one model; {@link #next()} makes the one for the model of the next version,
 * which starts from the words this one used (a word unused for one version is dropped).
 * Thread-safe.
 */
final class ExpandedWords {
  private final ShellLex lex;
  private final Map<String, Expansion> earlier;
  private final ConcurrentHashMap<String, Expansion> used = new ConcurrentHashMap<>();

  /**
   * A word's expansion and the values of the set variables it read ({@code values[k]} of {@code
   * names[k]}; arrays, so that checking them allocates nothing).
   */
  private static final class Expansion {
    final ShellLex.Result result;
    final String[] names;
    final String[] values;

    Expansion(ShellLex.Result result, String[] names, String[] values) {
      this.result = result;
      this.names = names;
      this.values = values;
    }

    boolean holdsIn(ShellLex.Env env) {
      for (String name : result.unmatched()) {
        if (env.get(name).isPresent()) {
          return false;
        }
      }
      for (int k = 0; k < names.length; k++) {
        Optional<String> now = env.get(names[k]);
        if (now.isEmpty() || !now.get().equals(values[k])) {
          return false;
        }
      }
      return true;
    }
  }

  private ExpandedWords(ShellLex lex, Map<String, Expansion> earlier) {
    this.lex = lex;
    this.earlier = earlier;
  }

  /** No word expanded yet, for {@code lex}. */
  static ExpandedWords of(ShellLex lex) {
    return new ExpandedWords(lex, Map.of());
  }

  /**
   * The cache of the next version's model, starting from the words this one used, when it lexes as
   * this one does (same escape character); otherwise an empty one for {@code lex}.
   */
  ExpandedWords next(ShellLex nextLex) {
    return nextLex.escapeToken() == lex.escapeToken()
        ? new ExpandedWords(nextLex, used)
        : of(nextLex);
  }

  /** {@link ShellLex#processWord} of {@code word} in {@code env}. */
  ShellLex.Result process(String word, ShellLex.Env env) throws ShellLexException {
    Expansion e = used.get(word);
    if (e == null) {
      e = earlier.get(word);
    }
    if (e != null && e.holdsIn(env)) {
      used.putIfAbsent(word, e);
      return e.result;
    }
    ShellLex.Result r = lex.processWord(word, env);
    String[] names = r.matched().toArray(new String[0]);
    String[] values = new String[names.length];
    for (int k = 0; k < names.length; k++) {
      values[k] = env.get(names[k]).orElseThrow();
    }
    used.put(word, new Expansion(r, names, values));
    return r;
  }
}
