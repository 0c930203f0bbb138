package dev.dockerlint.rules.buildcontext;

import dev.dockerlint.context.BuildContext;
import dev.dockerlint.context.ContextProblem;
import dev.dockerlint.context.DockerIgnore;
import dev.dockerlint.imagefs.ImageFs.SourceIssue;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.syntax.AddInstruction;
import dev.dockerlint.syntax.CopyInstruction;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.Word;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A COPY or ADD source that {@code .dockerignore} excludes: the client never sends it, so the build
 * cannot find it ({@code "/x": not found}), although it is right there in the folder.
 *
 * @see <a href="https://docs.docker.com/build/concepts/context/#dockerignore-files">.dockerignore
 *     files</a>
 */
@RuleInfo(
    code = "DKL1402",
    name = "copy-source-ignored",
    severity = Severity.WARNING,
    summary = "COPY or ADD source is excluded by .dockerignore",
    aliases = {"CopyIgnoredFile"})
public final class CopySourceIgnored implements Rule {
  @Override
  public void check(RuleContext ctx) {
    for (SourceIssue i : SourceIssues.of(ctx, Set.of(ContextProblem.Kind.EXCLUDED))) {
      ctx.report(
          Finding.of(
              i.source().range(),
              attempting(i.instruction(), i.problem().path())
                  + ": it is not sent with the build context, so the "
                  + SourceIssues.where(i)
                  + " fails with \"/"
                  + i.problem().path()
                  + "\": not found; remove the pattern or add an exception ('!"
                  + i.problem().path()
                  + "') to .dockerignore"));
    }
    contextRoot(ctx);
  }

  /** BuildKit's words: {@code Attempting to Copy file "x" that is excluded by .dockerignore}. */
  private static String attempting(Instruction i, String path) {
    return "Attempting to "
        + (i instanceof AddInstruction ? "Add" : "Copy")
        + " file \""
        + path
        + "\" that is excluded by .dockerignore";
  }

  /**
   * BuildKit's one case beyond missing files: copying the whole context ({@code .} or {@code /})
   * while {@code .dockerignore} excludes every entry of its root ({@code *}, {@code **} or {@code
   * **}{@code /*}) and has no exceptions: nothing but ignored files would be sent.
   */
  private static void contextRoot(RuleContext ctx) {
    if (ctx.input().contextDir().isEmpty()) {
      return;
    }
    Path file = ctx.input().contextDir().get().resolve(".dockerignore");
    if (!Files.isRegularFile(file)) {
      return;
    }
    DockerIgnore ignore;
    try {
      ignore = DockerIgnore.read(file);
    } catch (IOException e) {
      return; // unreadable-context-source reports what cannot be read
    }
    if (ignore.hasExceptions()
        || ignore.rules().stream().noneMatch(r -> ROOT_PATTERNS.contains(r.pattern()))) {
      return;
    }
    for (Instruction i : ctx.file().instructions()) {
      List<Word> sources;
      if (i instanceof CopyInstruction c && c.flag("from").isEmpty()) {
        sources = c.sources();
      } else if (i instanceof AddInstruction a) {
        sources = a.sources();
      } else {
        continue;
      }
      for (Word w : sources) {
        String v = BuildContext.cleanSource(w.value());
        if (v.equals(".") || v.equals("/") || v.isEmpty()) {
          ctx.report(
              Finding.of(w.range(), attempting(i, ".") + ": only ignored files would be sent"));
        }
      }
    }
  }

  private static final Set<String> ROOT_PATTERNS = Set.of("*", "**", "**/*");
}
