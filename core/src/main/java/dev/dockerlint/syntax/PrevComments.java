package dev.dockerlint.syntax;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The comment block right above each instruction, as BuildKit's parser keeps it ({@code
 * PrevComment}): the comment lines since the previous instruction, where blank lines do not end the
 * block and an empty {@code #} line starts it anew; the parser directives at the top are not part
 * of it. BuildKit reads {@code # check=} comments and definition descriptions from it.
 */
public final class PrevComments {
  private PrevComments() {}

  public static Map<Instruction, List<Comment>> of(Dockerfile file) {
    Map<Instruction, List<Comment>> out = new IdentityHashMap<>();
    List<Comment> comments = new ArrayList<>(file.comments());
    comments.removeIf(c -> isDirective(file, c));
    int from = 0;
    int previousLast = -1;
    for (Instruction i : file.instructions()) {
      List<Comment> block = new ArrayList<>();
      while (from < comments.size()
          && comments.get(from).range().start().line() < i.header().firstLine()) {
        Comment c = comments.get(from++);
        if (c.range().start().line() <= previousLast) {
          continue;
        }
        if (c.text().isEmpty()) {
          block.clear();
        } else {
          block.add(c);
        }
      }
      previousLast = i.header().lastLine();
      out.put(i, List.copyOf(block));
    }
    return out;
  }

  private static boolean isDirective(Dockerfile file, Comment c) {
    for (Directive d : file.directives()) {
      if (d.range().start().equals(c.range().start())) {
        return true;
      }
    }
    return false;
  }
}
