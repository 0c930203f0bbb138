package dev.dockerlint.rules.parity;

import dev.dockerlint.grammar.shell.ShellLex;
import dev.dockerlint.image.Lookup;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Base;
import dev.dockerlint.semantic.Platform;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.CopyInstruction;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.WorkdirInstruction;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * COPY to a relative destination while no WORKDIR was set in the stage (or the stages it is based
 * on): the files land relative to whatever working directory the base image has. When facts about
 * the base image are available and it sets a working directory, the destination is well defined and
 * nothing is reported (hadolint cannot know and reports it).
 */
@RuleInfo(
    code = "DKL3045",
    name = "copy-relative-without-workdir",
    severity = Severity.WARNING,
    summary = "COPY to a relative destination without WORKDIR",
    aliases = {"DL3045"})
public final class CopyRelativeWithoutWorkdir implements StageRule {
  private static final Pattern OUTER_QUOTES = Pattern.compile("^[\"']+|[\"']+$");
  private static final Pattern WINDOWS_DRIVE = Pattern.compile("^[A-Za-z]:[\\\\/].*");

  @Override
  public void checkStage(RuleContext ctx, Stage s) {
    boolean workdir =
        BaseImages.setInBaseStages(ctx.model(), s, i -> i instanceof WorkdirInstruction);
    Boolean imageWorkdir = null;
    for (Instruction i : s.instructions()) {
      if (i instanceof WorkdirInstruction) {
        workdir = true;
      }
      if (workdir || !(i instanceof CopyInstruction c) || c.destination().isEmpty()) {
        continue;
      }
      String raw = OUTER_QUOTES.matcher(c.destination().get().value()).replaceAll("");
      Optional<ShellLex.Result> r = ctx.model().expandWithMatches(raw, s.scopeBefore(i));
      if (r.isEmpty() || !r.get().unmatched().isEmpty()) {
        continue;
      }
      String dest = r.get().result();
      if (dest.startsWith("/") || WINDOWS_DRIVE.matcher(dest).matches() || raw.startsWith("$")) {
        continue;
      }
      if (imageWorkdir == null) {
        imageWorkdir = imageHasWorkdir(ctx, s);
      }
      if (!imageWorkdir) {
        ctx.report(
            Finding.of(
                c.destination().get().range(),
                "`COPY` to a relative destination without `WORKDIR` set."));
      }
    }
  }

  /** Whether facts about the stage's base image say it has a working directory other than /. */
  private static boolean imageHasWorkdir(RuleContext ctx, Stage s) {
    Optional<Base.ImageBase> root = BaseImages.root(ctx.model(), s);
    if (root.isEmpty() || root.get().ref().isEmpty()) {
      return false;
    }
    Platform p = s.platform().orElse(ctx.model().options().targetPlatform());
    Lookup l = ctx.input().images().lookup(root.get().ref().get(), p, false);
    if (l instanceof Lookup.Found f) {
      return f.image()
          .config()
          .workingDir()
          .filter(w -> !w.isEmpty() && !w.equals("/"))
          .isPresent();
    }
    return false;
  }
}
