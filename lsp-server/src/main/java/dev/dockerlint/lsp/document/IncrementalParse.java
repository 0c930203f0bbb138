package dev.dockerlint.lsp.document;

import dev.dockerlint.syntax.Comment;
import dev.dockerlint.syntax.Dockerfile;
import dev.dockerlint.syntax.DockerfileReader;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.Position;
import dev.dockerlint.syntax.SourceText;
import dev.dockerlint.syntax.SyntaxProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Re-parses only the instruction an edit falls in, and splices it into the previous tree. Most
 * keystrokes are such edits, and they cost a fraction of a whole parse.
 *
 * <p>Everything else of the previous tree is kept as it is, the very same objects: the
 * instructions, comments and syntax problems before the edited instruction and those after it.
 * Ranges hold lines and columns only, and an edit that adds and removes no line and stays on the
 * lines of one instruction leaves the lines and columns of everything outside those lines as they
 * were; only their offsets move, and those are computed from the new text when needed. So what is
 * derived from a node and keyed by its identity holds for the nodes after the edit as well as for
 * those before it.
 *
 * <p>It only does so when the edit cannot change where instructions begin and end: the edit stays
 * on one line of one instruction without heredocs, inserts and removes no newline, escape
 * character, {@code #} or {@code <}, does not change whether its line continues, the file uses the
 * default escape character, and the re-parsed lines are again exactly one instruction over the same
 * lines. Otherwise it declines and the caller parses the whole text.
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

  /** The tree of {@code newText}, or empty when the edit needs a whole parse. */
  public static Optional<Dockerfile> apply(Dockerfile old, String newText, Change c) {
    String oldText = old.text();
    if (old.escapeCharacter() != '\\'
        || c.start() < 0
        || c.end() > oldText.length()
        || c.start() > c.end()
        || old.hasFatalProblem()
        || unsafe(c.inserted())
        || unsafe(oldText.substring(c.start(), c.end()))) {
      return Optional.empty();
    }
    SourceText oldSource = old.source();
    int line = oldSource.lineOf(c.start());
    Instruction target = null;
    int index = -1;
    List<Instruction> all = old.instructions();
    for (int k = 0; k < all.size(); k++) {
      Instruction i = all.get(k);
      if (line >= i.header().firstLine() && line <= i.header().lastLine()) {
        target = i;
        index = k;
        break;
      }
    }
    if (target == null || !target.heredocs().isEmpty()) {
      return Optional.empty();
    }
    SourceText source = oldSource.edited(c.start(), c.end(), c.inserted(), newText);
    if (continues(oldSource.lineText(line)) != continues(source.lineText(line))) {
      return Optional.empty();
    }
    int first = target.header().firstLine();
    int last = target.header().lastLine();
    if (source.lineCount() != oldSource.lineCount()) {
      return Optional.empty();
    }
    int base = source.lineStart(first);
    int end = source.lineEnd(last);
    Dockerfile snippet = DockerfileReader.parse(newText.substring(base, end) + "\n");
    if (snippet.instructions().size() != 1
        || snippet.hasFatalProblem()
        || !snippet.directives().isEmpty()
        || snippet.escapeCharacter() != '\\') {
      return Optional.empty();
    }
    Instruction fresh = snippet.instructions().get(0);
    if (fresh.header().firstLine() != 0
        || fresh.header().lastLine() != last - first
        || !fresh.heredocs().isEmpty()) {
      return Optional.empty();
    }
    Relocation into = new Relocation(source, first);
    // the edited lines in the old text; outside them, both texts have the same positions
    Position editedStart = new Position(first, 0);
    Position editedEnd = oldSource.position(oldSource.lineEnd(last));

    List<Instruction> instructions = new ArrayList<>(all.size());
    instructions.addAll(all.subList(0, index));
    instructions.add(into.instruction(fresh));
    instructions.addAll(all.subList(index + 1, all.size()));
    List<Comment> comments = new ArrayList<>(old.comments().size());
    for (Comment x : old.comments()) {
      if (x.range().end().compareTo(editedStart) <= 0) {
        comments.add(x);
      }
    }
    for (Comment x : snippet.comments()) {
      comments.add(into.comment(x));
    }
    for (Comment x : old.comments()) {
      if (x.range().start().compareTo(editedEnd) > 0) {
        comments.add(x);
      }
    }
    List<SyntaxProblem> problems = new ArrayList<>();
    for (SyntaxProblem p : old.problems()) {
      if (p.range().end().compareTo(editedStart) < 0) {
        problems.add(p);
      }
    }
    for (SyntaxProblem p : snippet.problems()) {
      problems.add(into.problem(p));
    }
    for (SyntaxProblem p : old.problems()) {
      if (p.range().start().compareTo(editedEnd) > 0) {
        problems.add(p);
      }
    }
    return Optional.of(
        new Dockerfile(
            source, old.escapeCharacter(), old.directives(), comments, instructions, problems));
  }

  private static boolean unsafe(String s) {
    for (int k = 0; k < s.length(); k++) {
      switch (s.charAt(k)) {
        case '\n', '\r', '\\', '`', '#', '<' -> {
          return true;
        }
        default -> {}
      }
    }
    return false;
  }

  /** Whether a line ends in the escape character (then the instruction continues). */
  private static boolean continues(String line) {
    int k = line.length();
    while (k > 0 && (line.charAt(k - 1) == ' ' || line.charAt(k - 1) == '\t')) {
      k--;
    }
    return k > 0 && line.charAt(k - 1) == '\\';
  }
}
