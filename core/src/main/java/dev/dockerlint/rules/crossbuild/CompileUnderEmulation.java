package dev.dockerlint.rules.crossbuild;

import dev.dockerlint.rules.Applicability;
import dev.dockerlint.rules.Edit;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Fix;
import dev.dockerlint.rules.FixAvailability;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.platform.Platforms;
import dev.dockerlint.semantic.Base;
import dev.dockerlint.semantic.Platform;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.Range;
import dev.dockerlint.syntax.RunInstruction;
import dev.dockerlint.syntax.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A builder stage compiles Go or .NET for a platform the build machine cannot run ({@code
 * linux/arm64} on {@code linux/amd64}), so the compiler itself runs under QEMU: many times slower,
 * and without binfmt it does not run at all. Both toolchains cross-compile, so the stage can run on
 * {@code $BUILDPLATFORM} and build for {@code $TARGETPLATFORM}. Information, with an unsafe fix
 * that does that.
 *
 * @see <a href="https://docs.docker.com/build/building/multi-platform/#cross-compilation">
 *     Cross-compilation</a>
 */
@RuleInfo(
    code = "DKL1203",
    name = "compile-under-emulation",
    severity = Severity.INFO,
    summary = "A builder stage compiles Go or .NET under emulation; it could cross-compile",
    fix = FixAvailability.SOMETIMES)
public final class CompileUnderEmulation implements Rule {

  @Override
  public void check(RuleContext ctx) {
    SemanticModel m = ctx.model();
    Platform build = m.options().buildPlatform();
    Set<Stage> needed = m.stagesNeededForFinal();
    for (Stage s : m.stages()) {
      Optional<Platform> p = s.platform();
      if (!needed.contains(s)
          || Platforms.windows(m, s)
          || m.finalStage().filter(f -> f == s).isPresent()
          || p.isEmpty()
          || !p.get().os().equals(build.os())
          || Platforms.runsNatively(p.get(), build)
          || m.onBuildPlatform(s)
          || m.stageReferences().stream()
              .noneMatch(r -> r.stage().filter(x -> x == s).isPresent())) {
        continue;
      }
      for (Instruction i : s.instructions()) {
        if (i instanceof RunInstruction r) {
          Optional<BuildCommands.Compile> c = BuildCommands.crossCompilable(r);
          if (c.isPresent()) {
            report(ctx, s, r, c.get(), p.get(), build);
            break;
          }
        }
      }
    }
  }

  private static void report(
      RuleContext ctx,
      Stage s,
      RunInstruction run,
      BuildCommands.Compile compile,
      Platform platform,
      Platform build) {
    SourceText source = ctx.file().source();
    boolean go = compile.toolchain() == BuildCommands.Toolchain.GO;
    String how =
        go ? "build with GOOS=$TARGETOS GOARCH=$TARGETARCH" : "publish with -a $TARGETARCH";
    Range at = BuildCommands.locate(source, run, compile.name()).orElse(run.keyword().range());
    Finding f =
        Finding.of(
                at,
                "'"
                    + compile.name()
                    + "' compiles for "
                    + platform
                    + " on a "
                    + build
                    + " build machine, so the compiler itself runs under QEMU emulation: many times"
                    + " slower, and impossible without binfmt. "
                    + (go ? "Go" : ".NET")
                    + " cross-compiles: run this stage on the build machine (FROM"
                    + " --platform=$BUILDPLATFORM), declare ARG TARGETOS TARGETARCH and "
                    + how)
            .withRelated(s.from().range(), "this stage is built for " + platform);
    Optional<Fix> fix = fix(ctx, s, run, compile);
    if (fix.isPresent()) {
      f = f.withFix(fix.get());
    }
    ctx.report(f);
  }

  /**
   * Adds {@code --platform=$BUILDPLATFORM} to the stage's FROM and {@code ARG TARGETOS TARGETARCH}
   * after it, and passes the target to the compiler; only for a stage whose FROM names an image and
   * has no {@code --platform} yet.
   */
  private static Optional<Fix> fix(
      RuleContext ctx, Stage s, RunInstruction run, BuildCommands.Compile compile) {
    SourceText source = ctx.file().source();
    if (!(s.base() instanceof Base.ImageBase)
        || s.from().flag("platform").isPresent()
        || s.from().image().isEmpty()) {
      return Optional.empty();
    }
    Optional<Range> command = BuildCommands.locate(source, run, compile.name());
    if (command.isEmpty()) {
      return Optional.empty();
    }
    List<Edit> edits = new ArrayList<>();
    edits.add(
        new Edit(Range.at(s.from().image().get().range().start()), "--platform=$BUILDPLATFORM "));
    edits.add(new Edit(Range.at(s.from().range().end()), "\nARG TARGETOS TARGETARCH"));
    if (compile.toolchain() == BuildCommands.Toolchain.GO) {
      edits.add(new Edit(Range.at(command.get().start()), "GOOS=$TARGETOS GOARCH=$TARGETARCH "));
    } else {
      edits.add(new Edit(Range.at(command.get().end()), " -a $TARGETARCH"));
    }
    return Optional.of(
        new Fix(
            "Cross-compile on $BUILDPLATFORM for $TARGETOS/$TARGETARCH",
            edits,
            Applicability.UNSAFE));
  }
}
