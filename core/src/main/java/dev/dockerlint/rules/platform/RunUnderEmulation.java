package dev.dockerlint.rules.platform;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.semantic.Platform;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.RunInstruction;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * RUN in a stage whose platform the build machine cannot run natively ({@code linux/arm64} built on
 * {@code linux/amd64}): each step runs the stage's programs under QEMU, which must be registered
 * with the kernel's {@code binfmt_misc}. Without it the first RUN fails with {@code exec format
 * error}; with it, the steps are slow. Reported once per stage the build needs, at its first RUN.
 *
 * @see <a href="https://docs.docker.com/build/building/multi-platform/#qemu">QEMU</a>
 */
@RuleInfo(
    code = "DKL1105",
    name = "run-under-emulation",
    severity = Severity.INFO,
    summary = "RUN in a stage for another platform than the build machine's needs QEMU emulation",
    predicts = Predicts.EXEC_FORMAT_ERROR)
public final class RunUnderEmulation implements Rule {

  @Override
  public void check(RuleContext ctx) {
    SemanticModel m = ctx.model();
    Platform build = m.options().buildPlatform();
    Set<Stage> needed = m.stagesNeededForFinal();
    for (Stage s : m.stages()) {
      Optional<Platform> p = s.platform();
      if (!needed.contains(s)
          || Platforms.windows(m, s)
          || p.isEmpty()
          || !p.get().os().equals(build.os())
          || Platforms.runsNatively(p.get(), build)) {
        continue;
      }
      Optional<Instruction> run =
          s.instructions().stream().filter(RunInstruction.class::isInstance).findFirst();
      if (run.isEmpty()) {
        continue;
      }
      String arch = p.get().architecture() + p.get().variant().map(v -> "/" + v).orElse("");
      Finding f =
          Finding.of(
                  run.get().keyword().range(),
                  "This stage is "
                      + p.get()
                      + ", the build machine "
                      + build
                      + ": its RUN steps execute "
                      + arch
                      + " programs under QEMU emulation, which must be registered with"
                      + " binfmt_misc (docker run --privileged --rm tonistiigi/binfmt --install "
                      + p.get().architecture().toLowerCase(Locale.ROOT)
                      + "). Without it this step fails with 'exec format error'; with it, the"
                      + " steps are slow. To compile, prefer a FROM --platform=$BUILDPLATFORM"
                      + " stage that cross-compiles")
              .withPredicts(Predicts.EXEC_FORMAT_ERROR)
              .withRelated(s.from().range(), "the stage's platform is decided here");
      ctx.report(f);
    }
  }
}
