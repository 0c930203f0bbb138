package dev.dockerlint.rules.parity;

import dev.dockerlint.grammar.shell.ShellLex;
import dev.dockerlint.rules.Edit;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Fix;
import dev.dockerlint.rules.FixAvailability;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.syntax.AddInstruction;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.Word;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * ADD of local files and folders: ADD also fetches URLs and unpacks archives, so a reader has to
 * check the sources to know what it does; COPY does only the copy.
 *
 * @see <a href="https://docs.docker.com/build/building/best-practices/#add-or-copy">ADD or COPY</a>
 */
@RuleInfo(
    code = "DKL3020",
    name = "add-instead-of-copy",
    severity = Severity.WARNING,
    summary = "ADD of local files instead of COPY",
    aliases = {"DL3020"},
    fix = FixAvailability.SOMETIMES)
public final class AddInsteadOfCopy implements Rule {
  private static final List<String> ADD_ONLY_FLAGS = List.of("checksum", "keep-git-dir", "unpack");

  @Override
  public void check(RuleContext ctx) {
    for (Instruction i : ctx.file().instructions()) {
      if (!(i instanceof AddInstruction a) || a.sources().isEmpty()) {
        continue;
      }
      boolean plain = true;
      for (Word w : a.sources()) {
        Optional<ShellLex.Result> r =
            ctx.model().expandWithMatches(w.value(), ctx.model().scopeBefore(i));
        if (r.isEmpty() || !r.get().unmatched().isEmpty()) {
          plain = false; // a variable without a value here may hold a URL or an archive
          continue;
        }
        String v = unquote(r.get().result());
        if (isUrl(v) || CopiedArchiveExtracted.isArchive(v) || v.endsWith(".git")) {
          plain = false;
        }
      }
      if (!plain) {
        continue;
      }
      Finding f = Finding.of(a.keyword().range(), "Use COPY instead of ADD for files and folders");
      boolean safe =
          a.sources().stream().noneMatch(w -> w.value().contains("$"))
              && a.flags().stream().noneMatch(fl -> ADD_ONLY_FLAGS.contains(fl.name()));
      if (safe) {
        String kw = a.keyword().text();
        String copy = kw.equals(kw.toLowerCase(Locale.ROOT)) ? "copy" : "COPY";
        f = f.withFix(Fix.safe("Use COPY", new Edit(a.keyword().range(), copy)));
      }
      ctx.report(f);
    }
  }

  private static boolean isUrl(String v) {
    return v.startsWith("http://") || v.startsWith("https://") || v.startsWith("git@");
  }

  private static String unquote(String v) {
    return v.replaceAll("^[\"']+|[\"']+$", "");
  }
}
