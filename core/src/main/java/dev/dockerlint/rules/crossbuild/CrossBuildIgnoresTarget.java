package dev.dockerlint.rules.crossbuild;

import dev.dockerlint.rules.Edit;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Fix;
import dev.dockerlint.rules.FixAvailability;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.platform.Platforms;
import dev.dockerlint.semantic.Platform;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.Range;
import dev.dockerlint.syntax.RunInstruction;
import dev.dockerlint.syntax.SourceText;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A builder stage on {@code $BUILDPLATFORM} compiles ({@code go build}, {@code cargo build}, {@code
 * gcc}, {@code make} ...) without anything naming the target platform ({@code ARG TARGETARCH},
 * {@code GOARCH}, {@code --target}, tonistiigi/xx), and a stage of the target platform copies its
 * output. The compiler builds for the machine it runs on, so the image gets programs for the build
 * machine: {@code exec format error} on targets of another architecture.
 *
 * <p>An error when the build's target platform differs from the build platform, a warning otherwise
 * (the image is wrong as soon as it is built elsewhere or for another platform).
 *
 * @see <a href="https://docs.docker.com/build/building/multi-platform/#cross-compilation">
 *     Cross-compilation</a>
 */
@RuleInfo(
    code = "DKL1201",
    name = "cross-build-ignores-target-platform",
    severity = Severity.WARNING,
    summary = "A $BUILDPLATFORM stage compiles for the build machine, and a target stage copies it",
    fix = FixAvailability.SOMETIMES,
    predicts = Predicts.EXEC_FORMAT_ERROR)
public final class CrossBuildIgnoresTarget implements Rule {

  @Override
  public void check(RuleContext ctx) {
    SemanticModel m = ctx.model();
    Set<Stage> needed = m.stagesNeededForFinal();
    for (Stage b : m.stages()) {
      if (!needed.contains(b) || !m.onBuildPlatform(b) || Platforms.windows(m, b)) {
        continue;
      }
      Optional<RunInstruction> run = Optional.empty();
      Optional<BuildCommands.Compile> compile = Optional.empty();
      for (Instruction i : b.instructions()) {
        if (i instanceof RunInstruction r && BuildCommands.compile(r).isPresent()) {
          run = Optional.of(r);
          compile = BuildCommands.compile(r);
          break;
        }
      }
      if (run.isEmpty() || BuildCommands.platformAware(m, b)) {
        continue;
      }
      Optional<SemanticModel.StageReference> into = targetConsumer(m, b, needed);
      if (into.isPresent()) {
        report(ctx, b, run.get(), compile.get(), into.get());
      }
    }
  }

  private static void report(
      RuleContext ctx,
      Stage b,
      RunInstruction run,
      BuildCommands.Compile compile,
      SemanticModel.StageReference into) {
    SemanticModel m = ctx.model();
    SourceText source = ctx.file().source();
    Platform target = m.options().targetPlatform();
    Platform build = m.options().buildPlatform();
    boolean wrongNow = !Platforms.runsNatively(build, target);
    Stage consumer = m.stageOf(into.instruction()).orElseThrow();
    String platform = consumer.platform().map(Platform::toString).orElse("target platform");
    int intoLine = into.instruction().range().start().line() + 1;
    String message =
        "'"
            + compile.name()
            + "' runs on the build platform ($BUILDPLATFORM) and nothing in stage '"
            + b.displayName()
            + "' names the target platform, so it compiles for the build machine; "
            + into.instruction().keyword().canonical()
            + " --from="
            + into.value()
            + " on line "
            + intoLine
            + " puts the result into the "
            + platform
            + " image, where it fails with 'exec format error' "
            + (wrongNow
                ? "(this build runs on " + build + " for " + target + ")"
                : "whenever the build machine's architecture differs from the target's")
            + ". "
            + advice(compile.toolchain());
    Range at = BuildCommands.locate(source, run, compile.name()).orElse(run.keyword().range());
    Finding f =
        Finding.of(at, message)
            .withPredicts(Predicts.EXEC_FORMAT_ERROR)
            .withRelated(into.instruction().range(), "the compiled output is copied here");
    if (wrongNow) {
      f = f.withSeverity(Severity.ERROR);
    }
    if (compile.toolchain() == BuildCommands.Toolchain.GO) {
      Optional<Range> go = BuildCommands.locate(source, run, compile.name());
      if (go.isPresent()) {
        int lineStart = source.lineStart(run.range().start().line());
        String indent = source.text().substring(lineStart, source.startOffset(run.range()));
        f =
            f.withFix(
                Fix.unsafe(
                    "Build for the target: ARG TARGETOS TARGETARCH and GOOS=$TARGETOS"
                        + " GOARCH=$TARGETARCH",
                    new Edit(Range.at(run.range().start()), "ARG TARGETOS TARGETARCH\n" + indent),
                    new Edit(Range.at(go.get().start()), "GOOS=$TARGETOS GOARCH=$TARGETARCH ")));
      }
    }
    ctx.report(f);
  }

  static String advice(BuildCommands.Toolchain t) {
    return switch (t) {
      case GO ->
          "Declare ARG TARGETOS TARGETARCH in the stage and build with GOOS=$TARGETOS"
              + " GOARCH=$TARGETARCH";
      case RUST ->
          "Build with cargo build --target for $TARGETPLATFORM (tonistiigi/xx's"
              + " xx-cargo does the mapping)";
      case C ->
          "Use a cross compiler for $TARGETPLATFORM (tonistiigi/xx: xx-clang, xx-apk,"
              + " xx-apt-get), or drop --platform=$BUILDPLATFORM from the stage";
      case DOTNET -> "Declare ARG TARGETARCH and publish with -a $TARGETARCH";
      case OTHER ->
          "Compile for $TARGETPLATFORM, or drop --platform=$BUILDPLATFORM from the" + " stage";
    };
  }

  /**
   * A reference (COPY --from, RUN --mount=from) that brings {@code builder}'s files into a stage of
   * the target platform the build needs, directly or through stages that only carry files (based on
   * scratch, without RUN).
   */
  static Optional<SemanticModel.StageReference> targetConsumer(
      SemanticModel m, Stage builder, Set<Stage> needed) {
    Optional<Stage> fin = m.finalStage();
    Map<Stage, SemanticModel.StageReference> reached = new IdentityHashMap<>();
    Deque<Stage> todo = new ArrayDeque<>(List.of(builder));
    while (!todo.isEmpty()) {
      Stage from = todo.removeFirst();
      Map<Stage, SemanticModel.StageReference> next = new IdentityHashMap<>();
      for (SemanticModel.StageReference r : m.stageReferences()) {
        if (r.stage().filter(s -> s == from).isPresent()) {
          next.putIfAbsent(
              m.stageOf(r.instruction()).orElseThrow(), from == builder ? r : reached.get(from));
        }
      }
      if (from != builder) {
        for (Stage child : m.stages()) {
          if (m.baseStage(child).filter(s -> s == from).isPresent()) {
            next.putIfAbsent(child, reached.get(from));
          }
        }
      }
      for (Map.Entry<Stage, SemanticModel.StageReference> e : next.entrySet()) {
        Stage to = e.getKey();
        if (to == builder || reached.containsKey(to)) {
          continue;
        }
        reached.put(to, e.getValue());
        if (!needed.contains(to) || m.onBuildPlatform(to)) {
          continue;
        }
        if (!BuildCommands.carrier(m, to) || fin.filter(f -> f == to).isPresent()) {
          return Optional.of(e.getValue());
        }
        todo.add(to);
      }
    }
    return Optional.empty();
  }
}
