package dev.dockerlint.shellcheck;

import dev.dockerlint.rules.LintInput;
import dev.dockerlint.rules.LintMemo;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.shell.RunScript;
import dev.dockerlint.shell.RunScripts;
import dev.dockerlint.syntax.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The RUN scripts of a Dockerfile as ShellCheck gets them: in the dialect of the shell that runs
 * them (SHELL, or a heredoc's own shebang; ash is checked as sh, zsh and non-POSIX shells are not
 * checked), with one {@code export} line declaring the ARG and ENV names in scope that it uses (and
 * the proxy variables BuildKit passes), so that ShellCheck does not take them for unassigned
 * variables. The line goes after a shebang, and positions in ShellCheck's answer map back to the
 * Dockerfile.
 */
public final class ShellcheckScripts {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private ShellcheckScripts() {}

  /** Variables BuildKit passes to every RUN when set as build arguments. */
  private static final List<String> PROXIES =
      List.of(
          "HTTP_PROXY",
          "http_proxy",
          "HTTPS_PROXY",
          "https_proxy",
          "FTP_PROXY",
          "ftp_proxy",
          "NO_PROXY",
          "no_proxy",
          "ALL_PROXY",
          "all_proxy");

  /** A script ready for ShellCheck and how its lines map back to the RUN script. */
  public record Prepared(RunScript run, ShellcheckRequest request, int headerLine) {

    /**
     * The Dockerfile range of a ShellCheck finding, or empty when it is on the added {@code export}
     * line.
     */
    public Optional<Range> range(ShellcheckComment c) {
      Optional<Integer> start = offset(c.line(), c.column());
      if (start.isEmpty()) {
        return Optional.empty();
      }
      int end = offset(c.endLine(), c.endColumn()).orElse(start.get());
      return Optional.of(run.range(start.get(), Math.max(start.get(), end)));
    }

    /** The script offset of a 1-based line and column of the prepared text. */
    private Optional<Integer> offset(int line, int column) {
      int scriptLine = line - 1;
      if (headerLine >= 0) {
        if (line - 1 == headerLine) {
          return Optional.empty();
        }
        if (line - 1 > headerLine) {
          scriptLine = line - 2;
        }
      }
      String text = run.text();
      int at = 0;
      for (int l = 0; l < scriptLine && at >= 0; l++) {
        int nl = text.indexOf('\n', at);
        at = nl < 0 ? -1 : nl + 1;
      }
      if (at < 0) {
        return Optional.of(text.length());
      }
      int lineEnd = text.indexOf('\n', at);
      lineEnd = lineEnd < 0 ? text.length() : lineEnd;
      return Optional.of(Math.min(lineEnd, at + Math.max(0, column - 1)));
    }
  }

  /**
   * The most scripts of one file that ShellCheck checks: real Dockerfiles have a few dozen RUNs,
   * and a generated file with a hundred thousand would keep ShellCheck busy for minutes (in an
   * editor, on every change that makes new scripts).
   */
  public static final int MAX_PER_FILE = 1000;

  /** Every RUN script of the model that ShellCheck can check. */
  public static List<Prepared> all(SemanticModel model) {
    return all(model, LintMemo.none(), s -> RunScripts.of(model, s));
  }

  /**
   * Every RUN script of a lint's input that ShellCheck can check (see {@link RunScripts#all}), the
   * scripts of a stage prepared once while the Stage object lasts (the export line follows from the
   * stage's scopes).
   */
  public static List<Prepared> all(LintInput input) {
    return all(input.model(), input.memo(), s -> RunScripts.of(input, s));
  }

  /**
   * The scripts of each stage prepared once per model (the command line prepares them before the
   * lint, which then finds them), and, in an editor, once while the Stage object lasts.
   */
  private static List<Prepared> all(
      SemanticModel model, LintMemo memo, Function<Stage, List<RunScript>> scripts) {
    List<Prepared> out = new ArrayList<>(prepared(model, RunScripts.outsideStages(model)));
    for (Stage s : model.stages()) {
      out.addAll(
          model
              .derived(
                  new StageOf(s),
                  () ->
                      memo.get(
                          LintMemo.keyOf(StagePrepared.class, s),
                          StagePrepared.class,
                          () -> new StagePrepared(prepared(model, scripts.apply(s)))))
              .scripts());
    }
    return out;
  }

  private record StageOf(Stage stage) {}

  private record StagePrepared(List<Prepared> scripts) {}

  private static List<Prepared> prepared(SemanticModel model, List<RunScript> scripts) {
    List<Prepared> out = new ArrayList<>();
    for (RunScript s : scripts) {
      prepare(model, s).ifPresent(out::add);
    }
    return List.copyOf(out);
  }

  /** The scripts ShellCheck checks: the first {@value #MAX_PER_FILE} of {@link #all}. */
  public static List<Prepared> checked(List<Prepared> all) {
    return all.size() > MAX_PER_FILE ? all.subList(0, MAX_PER_FILE) : all;
  }

  /** The requests of the scripts ShellCheck checks (for a batch before linting many files). */
  public static List<ShellcheckRequest> requests(SemanticModel model) {
    return checked(all(model)).stream().map(Prepared::request).toList();
  }

  /**
   * Whether the name occurs in the script as a word ({@code $x}, {@code ${x:-}}, {@code $((x +
   * 1))}, {@code unset x}): only those go on the export line, so that scripts that differ only in
   * the variables in scope share one cache entry, and ShellCheck has less to read.
   */
  static boolean uses(String text, String name) {
    if (name.isEmpty()) {
      // no variable has it (ENV =x); and indexOf("") would find it at the end of the text forever
      return false;
    }
    for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      int after = at + name.length();
      if ((at == 0 || !isNameChar(text.charAt(at - 1)))
          && (after >= text.length() || !isNameChar(text.charAt(after)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNameChar(char c) {
    return c == '_' || (c < 128 && Character.isLetterOrDigit(c));
  }

  static Optional<Prepared> prepare(SemanticModel model, RunScript s) {
    String dialect =
        switch (s.dialect()) {
          case "sh", "ash" -> "sh";
          case "bash" -> "bash";
          case "dash" -> "dash";
          case "ksh" -> "ksh";
          default -> null;
        };
    if (dialect == null || s.text().isBlank()) {
      return Optional.empty();
    }
    String text = s.text();
    Set<String> names = new TreeSet<>();
    for (String n : PROXIES) {
      if (uses(text, n)) {
        names.add(n);
      }
    }
    for (String n : model.scopeBefore(s.instruction()).variables().keySet()) {
      if (uses(text, n) && NAME.matcher(n).matches()) { // most names are not in the script
        names.add(n);
      }
    }
    if (names.isEmpty()) {
      String plain = text.endsWith("\n") ? text : text + "\n";
      return Optional.of(new Prepared(s, new ShellcheckRequest(plain, dialect), -1));
    }
    StringBuilder header = new StringBuilder("export");
    names.forEach(n -> header.append(' ').append(n).append("=1"));
    header.append('\n');
    int headerLine = 0;
    String prepared;
    if (text.startsWith("#!")) {
      int nl = text.indexOf('\n');
      String first = nl < 0 ? text + "\n" : text.substring(0, nl + 1);
      prepared = first + header + (nl < 0 ? "" : text.substring(nl + 1));
      headerLine = 1;
    } else {
      prepared = header + text;
    }
    if (!prepared.endsWith("\n")) {
      prepared += "\n";
    }
    return Optional.of(new Prepared(s, new ShellcheckRequest(prepared, dialect), headerLine));
  }
}
