package dev.dockerlint.rules.platform;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Fix;
import dev.dockerlint.rules.FixAvailability;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.semantic.Base;
import dev.dockerlint.semantic.Platform;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.Flag;
import java.util.List;
import java.util.Optional;

/**
 * The final stage is on {@code $BUILDPLATFORM} (its own {@code FROM --platform=$BUILDPLATFORM}, or
 * that of the stage it is based on). Its base image and everything its RUN steps produce are for
 * the build machine, but the image is published for the target platform: BuildKit labels it with
 * the target platform when one is requested. On a host of the target platform its programs fail
 * with {@code exec format error}.
 *
 * <p>An error when the build's target and build platforms differ (the image is wrong now), a
 * warning otherwise (it is wrong as soon as someone builds for another platform). A final stage
 * that starts from {@code scratch} holds only what it copies, so it is not reported.
 *
 * @see <a href="https://docs.docker.com/build/building/multi-platform/#cross-compilation">
 *     Cross-compilation</a>
 */
@RuleInfo(
    code = "DKL1103",
    name = "final-stage-on-build-platform",
    severity = Severity.WARNING,
    summary =
        "The final stage is built on $BUILDPLATFORM, so the image holds build-machine programs",
    fix = FixAvailability.SOMETIMES,
    predicts = Predicts.EXEC_FORMAT_ERROR)
public final class FinalStageOnBuildPlatform implements Rule {

  @Override
  public void check(RuleContext ctx) {
    SemanticModel m = ctx.model();
    Optional<Stage> fin = m.finalStage();
    if (fin.isEmpty() || !m.onBuildPlatform(fin.get()) || Platforms.windows(m, fin.get())) {
      return;
    }
    Stage f = fin.get();
    List<Stage> lineage = m.lineage(f);
    if (lineage.get(lineage.size() - 1).base() instanceof Base.Scratch) {
      return;
    }
    Stage origin = m.platformOrigin(f).orElseThrow();
    Flag flag = origin.from().flag("platform").orElseThrow();
    Platform target = m.options().targetPlatform();
    Platform build = m.options().buildPlatform();
    boolean wrongNow = !Platforms.runsNatively(build, target);
    String via =
        origin == f
            ? ""
            : " (it is based on stage '"
                + origin.displayName()
                + "', FROM --platform="
                + flag.valueOrEmpty()
                + ")";
    String message =
        wrongNow
            ? "The final stage is built on the build platform "
                + build
                + via
                + ", but the image is for "
                + target
                + ": it holds "
                + build
                + " programs, which fail with 'exec format error' on "
                + target
                + " hosts. Build the final stage for the target platform (no --platform) and"
                + " keep $BUILDPLATFORM for builder stages that cross-compile"
            : "The final stage is built on the build platform ($BUILDPLATFORM)"
                + via
                + ": an image built for another platform (--platform linux/arm64 on an amd64"
                + " machine, or the reverse) holds the build machine's programs, which fail with"
                + " 'exec format error' on the target. Build the final stage for the target"
                + " platform (no --platform) and keep $BUILDPLATFORM for builder stages that"
                + " cross-compile";
    Finding finding =
        Finding.of(origin == f ? flag.range() : f.from().range(), message)
            .withPredicts(Predicts.EXEC_FORMAT_ERROR);
    if (wrongNow) {
      finding = finding.withSeverity(Severity.ERROR);
    }
    if (origin == f) {
      finding =
          finding.withFix(
              Fix.unsafe(
                  "Remove --platform=" + flag.valueOrEmpty() + " from the final stage",
                  Platforms.removeFlag(ctx.file().source(), flag)));
    } else {
      finding =
          finding.withRelated(flag.range(), "the platform of the final stage comes from here");
    }
    ctx.report(finding);
  }
}
