package dev.dockerlint.lsp.document;

import dev.dockerlint.syntax.Comment;
import dev.dockerlint.syntax.Dockerfile;
import dev.dockerlint.syntax.DockerfileReader;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.LineShift;
import dev.dockerlint.syntax.Range;
import dev.dockerlint.syntax.SourceText;
import dev.dockerlint.syntax.SyntaxProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Re-parses only the lines an edit falls in, and splices what they hold into the previous tree.
 * Most keystrokes, line breaks included, are such edits, and they cost a fraction of a whole parse.
 *
 * <p>The lines re-parsed are those the edit touches, widened to whole instructions: from the first
 * line of the instruction the edit starts in (or the edit's line, when it is a blank or comment
 * line between instructions) to the last line of the one it ends in. The instructions, comments and
 * syntax problems before them are kept as they are, the very same objects. Those after them are
 * kept too when the edit adds and removes no line; otherwise they are moved by as many lines as the
 * edit added or removed (new objects, columns unchanged), and {@link Parsed#shift} says which they
 * were. Ranges hold lines and columns only, and their offsets are computed from the new text when
 * needed, so what is derived from a node that did not move and is keyed by its identity holds after
 * the edit as well as before it.
 *
 * <p>It only does so when the edit cannot change how the rest of the file parses: the file uses the
 * default escape character and had no fatal problem but in the arguments of an instruction (see
 * {@link #spreads}); the re-parsed lines follow a line that does not continue, and the first
 * instruction still starts where it did or before them (parser directives come before it); after
 * the edit, their last line does not continue (unless it is the last of the file), every heredoc in
 * them ends in them, and they hold no parser directive and no problem that spreads. Otherwise it
 * declines and the caller parses the whole text.
 */
public final class IncrementalParse {
  private IncrementalParse() {}

  /** One text change: {@code [start, end)} of the old text replaced by {@code inserted}. */
  public record Change(int start, int end, String inserted) {

    /**
     * This change followed by {@code next} (whose offsets are in the text this one made), as one
     * change of the text before this one; {@code result} is the text after both. It spans from the
     * first offset either touches to the last, with the text of {@code result} there.
     */
    public Change then(Change next, String result) {
      int grew = inserted.length() - (end - start);
      int from = Math.min(start, next.start());
      int until = Math.max(start + inserted.length(), next.end());
      int nextGrew = next.inserted().length() - (next.end() - next.start());
      return new Change(from, until - grew, result.substring(from, until + nextGrew));
    }
  }

  /**
   * The tree of the new text, and how its instructions after the re-parsed lines relate to the old
   * tree's ({@link LineShift#NONE} when they are the very same objects).
   */
  public record Parsed(Dockerfile file, LineShift shift) {}

  /** The tree of {@code newText}, or empty when the edit needs a whole parse. */
  public static Optional<Dockerfile> apply(Dockerfile old, String newText, Change c) {
    return parse(old, newText, c).map(Parsed::file);
  }

  /** The tree of {@code newText} with its relation to {@code old}, or empty (see the class). */
  public static Optional<Parsed> parse(Dockerfile old, String newText, Change c) {
    String oldText = old.text();
    List<Instruction> all = old.instructions();
    if (old.escapeCharacter() != '\\'
        || c.start() < 0
        || c.end() > oldText.length()
        || c.start() > c.end()
        || old.problems().stream().anyMatch(IncrementalParse::spreads)
        || all.isEmpty()) {
      return Optional.empty();
    }
    SourceText oldSource = old.source();
    int startLine = oldSource.lineOf(c.start());
    int endLine = oldSource.lineOf(c.end());
    int top = all.get(0).header().firstLine();
    if (startLine < top) {
      return Optional.empty();
    }
    // the instructions [lo, hi) that have a line in [startLine, endLine], widening the lines
    int lo = 0;
    while (lo < all.size() && all.get(lo).header().lastLine() < startLine) {
      lo++;
    }
    int hi = lo;
    int first = startLine;
    int last = endLine;
    while (hi < all.size() && all.get(hi).header().firstLine() <= last) {
      first = Math.min(first, all.get(hi).header().firstLine());
      last = Math.max(last, all.get(hi).header().lastLine());
      hi++;
    }
    if (continuesInto(oldSource, first)) {
      return Optional.empty();
    }
    SourceText source = oldSource.edited(c.start(), c.end(), c.inserted(), newText);
    int delta = source.lineCount() - oldSource.lineCount();
    int newLast = last + delta;
    // an edit removes at most the line breaks in [startLine, endLine]: newLast >= first
    if (newLast + 1 < source.lineCount()
        && (continues(source, newLast) || continuesInto(source, newLast + 1))) {
      return Optional.empty();
    }
    int base = source.lineStart(first);
    // with the line break that ends them; at the end of the text, as the text ends
    int end = newLast + 1 < source.lineCount() ? source.lineStart(newLast + 1) : source.length();
    Dockerfile snippet = DockerfileReader.parse(newText.substring(base, end));
    List<SyntaxProblem> snippetProblems = snippet.problems();
    if (snippet.instructions().isEmpty()) {
      // no instruction in these lines, which the file around them has
      snippetProblems =
          snippetProblems.stream()
              .filter(p -> p.kind() != SyntaxProblem.Kind.NO_INSTRUCTIONS)
              .toList();
    }
    if (snippetProblems.stream().anyMatch(IncrementalParse::spreads)
        || !snippet.directives().isEmpty()
        || snippet.escapeCharacter() != '\\') {
      return Optional.empty();
    }
    if (first == top
        && (snippet.instructions().isEmpty()
            || snippet.instructions().get(0).header().firstLine() != 0)) {
      // the first instruction would start later: lines before it might become parser directives
      return Optional.empty();
    }
    for (Instruction i : snippet.instructions()) {
      if (i.header().lastLine() > newLast - first
          || i.heredocs().stream().anyMatch(h -> !h.terminated())) {
        return Optional.empty();
      }
    }
    Relocation into = new Relocation(source, first);
    Relocation moved = delta == 0 ? null : new Relocation(source, delta);

    List<Instruction> instructions =
        new ArrayList<>(all.size() + snippet.instructions().size() - (hi - lo));
    instructions.addAll(all.subList(0, lo));
    for (Instruction i : snippet.instructions()) {
      instructions.add(into.instruction(i));
    }
    int movedFrom = instructions.size();
    for (Instruction i : all.subList(hi, all.size())) {
      instructions.add(moved == null ? i : moved.instruction(i));
    }
    UnaryOperator<Comment> movedComment = moved == null ? x -> x : moved::comment;
    UnaryOperator<SyntaxProblem> movedProblem = moved == null ? x -> x : moved::problem;
    List<Comment> comments =
        spliced(
            old.comments(),
            snippet.comments(),
            Comment::range,
            first,
            last,
            into::comment,
            movedComment);
    List<SyntaxProblem> problems =
        spliced(
            old.problems(),
            snippetProblems,
            SyntaxProblem::range,
            first,
            last,
            into::problem,
            movedProblem);
    Dockerfile file =
        new Dockerfile(
            source, old.escapeCharacter(), old.directives(), comments, instructions, problems);
    return Optional.of(
        new Parsed(file, delta == 0 ? LineShift.NONE : new LineShift(movedFrom, hi, delta)));
  }

  /**
   * The nodes of {@code old} that end before line {@code first}, then those of the snippet put in
   * place ({@code into}), then the old ones that start after line {@code last}, moved ({@code
   * moved}).
   */
  private static <T> List<T> spliced(
      List<T> old,
      List<T> snippet,
      Function<T, Range> range,
      int first,
      int last,
      UnaryOperator<T> into,
      UnaryOperator<T> moved) {
    List<T> out = new ArrayList<>(old.size() + snippet.size());
    for (T x : old) {
      if (range.apply(x).end().line() < first) {
        out.add(x);
      }
    }
    for (T x : snippet) {
      out.add(into.apply(x));
    }
    for (T x : old) {
      if (range.apply(x).start().line() > last) {
        out.add(moved.apply(x));
      }
    }
    return out;
  }

  /**
   * Whether a problem may reach past its own instruction: any fatal one (the parser's error
   * recovery, an unterminated heredoc, directives, an empty file) but those found in the arguments
   * of one instruction once it is parsed (an ENV without a value, a key without {@code =}, a JSON
   * array of other than strings), which a half-typed instruction has.
   */
  private static boolean spreads(SyntaxProblem p) {
    return p.kind().fatal()
        && p.kind() != SyntaxProblem.Kind.ENV_MISSING_VALUE
        && p.kind() != SyntaxProblem.Kind.KEY_VALUE_MISSING_EQUALS
        && p.kind() != SyntaxProblem.Kind.JSON_NOT_STRINGS;
  }

  /**
   * Whether the instruction before line {@code line} continues onto it: the last line before it
   * that is neither blank nor a comment ends in the escape character (a continuation runs on over
   * blank and comment lines).
   */
  private static boolean continuesInto(SourceText source, int line) {
    String text = source.text();
    for (int k = line - 1; k >= 0; k--) {
      int from = source.lineStart(k);
      int to = source.lineEnd(k);
      while (from < to && Character.isWhitespace(text.charAt(from))) {
        from++;
      }
      if (from < to && text.charAt(from) != '#') {
        return continues(text, to);
      }
    }
    return false;
  }

  /** Whether line {@code line} ends in the escape character (then the instruction continues). */
  private static boolean continues(SourceText source, int line) {
    return continues(source.text(), source.lineEnd(line));
  }

  /**
   * Whether the line ending at {@code end} ends in the escape character, before blanks and a
   * carriage return (taken liberally: a wrong "yes" only makes the caller parse the whole text).
   */
  private static boolean continues(String text, int end) {
    int k = end;
    while (k > 0
        && (text.charAt(k - 1) == ' '
            || text.charAt(k - 1) == '\t'
            || text.charAt(k - 1) == '\r')) {
      k--;
    }
    return k > 0 && text.charAt(k - 1) == '\\';
  }
}
