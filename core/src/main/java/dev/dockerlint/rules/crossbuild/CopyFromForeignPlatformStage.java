package dev.dockerlint.rules.crossbuild;

import dev.dockerlint.context.CopyDestination;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.platform.Platforms;
import dev.dockerlint.semantic.Platform;
import dev.dockerlint.semantic.Process;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.AddInstruction;
import dev.dockerlint.syntax.CopyInstruction;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.RunInstruction;
import dev.dockerlint.syntax.Word;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code COPY --from=stage} of programs from a stage of another platform: a stage pinned to {@code
 * linux/arm64} (or on {@code $BUILDPLATFORM} while building for another target) installs or builds
 * programs of its own architecture, and the receiving stage's platform cannot run them. What is
 * copied counts as programs when it comes from or goes to a {@code bin} directory, is the whole
 * filesystem, is what the source stage compiled, or is what the image runs; configuration and data
 * files are fine.
 *
 * <p>Not reported when the source stage names a target platform (it cross-compiles on purpose), or
 * when it is a {@code $BUILDPLATFORM} compile stage (DKL1201's case). An error when the copied file
 * is the program the final image runs, a warning otherwise.
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/#copy---from">COPY --from</a>
 */
@RuleInfo(
    code = "DKL1204",
    name = "copy-from-foreign-platform-stage",
    severity = Severity.WARNING,
    summary = "COPY --from copies programs from a stage of another platform",
    predicts = Predicts.EXEC_FORMAT_ERROR)
public final class CopyFromForeignPlatformStage implements Rule {

  private static final Pattern PROGRAM_PATH =
      Pattern.compile("(^|/)(s?bin|libexec)(/|$)|/target/([^/]+/)?release/|^/?out/");

  @Override
  public void check(RuleContext ctx) {
    SemanticModel m = ctx.model();
    Set<Stage> needed = m.stagesNeededForFinal();
    for (SemanticModel.StageReference r : m.stageReferences()) {
      Instruction i = r.instruction();
      if (r.stage().isEmpty() || !(i instanceof CopyInstruction || i instanceof AddInstruction)) {
        continue;
      }
      Stage source = r.stage().get();
      Stage into = m.stageOf(i).orElseThrow();
      Optional<Platform> from = source.platform();
      Optional<Platform> to = into.platform();
      if (!needed.contains(into)
          || Platforms.windows(m, into)
          || from.isEmpty()
          || to.isEmpty()
          || Platforms.runsNatively(from.get(), to.get())
          || BuildCommands.carrier(m, into) && m.finalStage().filter(f -> f == into).isEmpty()
          || BuildCommands.carrier(m, source)
          || BuildCommands.platformAware(m, source)) {
        continue;
      }
      boolean compiles = compiles(m, source);
      if (compiles && m.onBuildPlatform(source)) {
        continue;
      }
      List<Word> sources = sources(i);
      Optional<String> target = copiedTo(into, i, sources, m);
      boolean runsIt = target.isPresent() && runBy(m, into, target.get());
      boolean programs =
          compiles
              || runsIt
              || sources.stream()
                  .anyMatch(w -> wholeFilesystem(w.value()) || isProgramPath(w.value()))
              || destination(i).filter(d -> isProgramPath(d.value())).isPresent();
      if (!programs) {
        continue;
      }
      String what = sources.isEmpty() ? "files" : sources.get(0).value();
      Finding f =
          Finding.of(
                  r.flag().range(),
                  i.keyword().canonical()
                      + " --from="
                      + r.value()
                      + " copies "
                      + what
                      + " from a "
                      + from.get()
                      + " stage into this "
                      + to.get()
                      + " stage: programs installed or built there are "
                      + from.get().architecture()
                      + " and fail here with 'exec format error'. Build stage '"
                      + source.displayName()
                      + "' for the target platform (no constant --platform), or cross-compile"
                      + " it for $TARGETPLATFORM")
              .withPredicts(Predicts.EXEC_FORMAT_ERROR)
              .withRelated(
                  source.from().range(), "stage '" + source.displayName() + "' is " + from.get());
      if (runsIt && m.finalStage().filter(fs -> fs == into).isPresent()) {
        f = f.withSeverity(Severity.ERROR);
      }
      ctx.report(f);
    }
  }

  private static boolean isProgramPath(String path) {
    return PROGRAM_PATH.matcher(path.replace("\"", "")).find();
  }

  private static boolean wholeFilesystem(String source) {
    String p = source.replace("\"", "");
    return p.equals("/") || p.equals(".") || p.equals("/.");
  }

  private static boolean compiles(SemanticModel m, Stage s) {
    for (Stage at : m.lineage(s)) {
      for (Instruction i : at.instructions()) {
        if (i instanceof RunInstruction r && BuildCommands.compile(r).isPresent()) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the image of {@code s} runs {@code path} as its ENTRYPOINT or CMD program. */
  private static boolean runBy(SemanticModel m, Stage s, String path) {
    Optional<Process> p = s.process();
    if (p.isEmpty() || p.get().shellForm()) {
      return false;
    }
    String program = p.get().argv().get(0);
    return program.startsWith("/")
        ? SemanticModel.resolvePath("/", program).equals(path)
        : path.endsWith("/" + program);
  }

  /** Where a single-source copy puts its file, absolute. */
  private static Optional<String> copiedTo(
      Stage into, Instruction i, List<Word> sources, SemanticModel m) {
    Optional<Word> dest = destination(i);
    if (sources.size() != 1 || dest.isEmpty()) {
      return Optional.empty();
    }
    String raw = dest.get().value();
    String expanded = m.expand(raw, into.scopeBefore(i)).orElse(raw);
    String absolute = CopyDestination.absolute(into.workdirFor(i), expanded);
    String src = sources.get(0).value();
    String name = src.substring(src.lastIndexOf('/') + 1);
    return Optional.of(
        absolute.endsWith("/")
            ? SemanticModel.resolvePath("/", absolute + name)
            : SemanticModel.resolvePath("/", absolute));
  }

  private static List<Word> sources(Instruction i) {
    return i instanceof CopyInstruction c ? c.sources() : ((AddInstruction) i).sources();
  }

  private static Optional<Word> destination(Instruction i) {
    return i instanceof CopyInstruction c ? c.destination() : ((AddInstruction) i).destination();
  }
}
