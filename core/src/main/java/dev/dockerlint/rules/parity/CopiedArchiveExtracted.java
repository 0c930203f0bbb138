package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.ShellWord;
import dev.dockerlint.syntax.CopyInstruction;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.Word;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A local archive COPY'd into the image and extracted by a later RUN of the same stage: the archive
 * stays in the COPY's layer for good. ADD extracts local tar archives in one step.
 */
@RuleInfo(
    code = "DKL3010",
    name = "copied-archive-extracted",
    severity = Severity.INFO,
    summary = "COPY of an archive that a RUN then extracts",
    aliases = {"DL3010"})
public final class CopiedArchiveExtracted implements StageRule {
  private static final Pattern LETTERS = Pattern.compile("[A-Za-z]+");
  private static final Pattern OUTER_QUOTES = Pattern.compile("^[\"']+|[\"']+$");

  static final List<String> ARCHIVE_EXTENSIONS =
      List.of(
          ".tar", ".Z", ".bz2", ".gz", ".lz", ".lzma", ".tZ", ".tb2", ".tbz", ".tbz2", ".tgz",
          ".tlz", ".tpz", ".txz", ".xz");
  private static final Set<String> UNPACKERS =
      Set.of("unzip", "gunzip", "bunzip2", "unlzma", "unxz", "zgz", "uncompress", "zcat", "gzcat");

  private record Archive(CopyInstruction copy, String name) {}

  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    Map<Instruction, Runs.Run> runs = new IdentityHashMap<>();
    for (Runs.Run r : Runs.of(ctx, stage)) {
      runs.put(r.instruction(), r);
    }
    List<Archive> archives = new ArrayList<>();
    Set<CopyInstruction> reported = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Instruction i : stage.instructions()) {
      if (i instanceof CopyInstruction c && c.flag("from").isEmpty() && c.heredocs().isEmpty()) {
        String target = c.destination().map(CopiedArchiveExtracted::basename).orElse("");
        if (isArchive(target)) {
          archives.add(new Archive(c, target));
        } else {
          for (Word w : c.sources()) {
            String b = basename(w);
            if (isArchive(b)) {
              archives.add(new Archive(c, b));
            }
          }
        }
      } else if (runs.containsKey(i)) {
        for (Runs.Cmd cmd : runs.get(i).commands()) {
          if (!extracts(cmd.command())) {
            continue;
          }
          for (ShellWord w : cmd.command().argsNoFlags()) {
            String b = w.value().substring(w.value().lastIndexOf('/') + 1);
            for (Archive a : archives) {
              if (a.name().equals(b) && reported.add(a.copy())) {
                ctx.report(
                    Finding.of(a.copy().range(), "Use `ADD` for extracting archives into an image")
                        .withRelated(cmd.range(), "extracted here"));
              }
            }
          }
        }
      }
    }
  }

  private static boolean extracts(ShellCommand c) {
    if (UNPACKERS.contains(c.name())) {
      return true;
    }
    if (!c.name().equals("tar")) {
      return false;
    }
    List<String> args = c.args();
    for (int k = 0; k < args.size(); k++) {
      String a = args.get(k);
      if (a.equals("--extract") || a.equals("--get")) {
        return true;
      }
      if (a.startsWith("-") && !a.startsWith("--") && a.contains("x")) {
        return true;
      }
      if (k == 0 && LETTERS.matcher(a).matches() && a.contains("x")) {
        return true; // old-style bundled options: tar xzf file
      }
    }
    return false;
  }

  static boolean isArchive(String name) {
    return ARCHIVE_EXTENSIONS.stream().anyMatch(name::endsWith);
  }

  private static String basename(Word w) {
    String v = OUTER_QUOTES.matcher(w.value()).replaceAll("");
    int slash = Math.max(v.lastIndexOf('/'), v.lastIndexOf('\\'));
    return v.substring(slash + 1);
  }
}
