package dev.dockerlint.rules.platform;

import dev.dockerlint.grammar.shell.ShellLex;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.semantic.Platform;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.DockerfileText;
import dev.dockerlint.syntax.Flag;
import java.util.Optional;

/**
 * {@code FROM --platform=linux/amd64 ...}: a constant platform pins the stage to one architecture
 * whatever the build targets. Matches BuildKit's {@code FromPlatformFlagConstDisallowed}: no
 * finding when the value uses a variable, does not parse as a platform, or when the stage name
 * contains the platform's OS or architecture ({@code AS build-amd64}), which says the pin is
 * intended.
 *
 * <p>When the pinned stage is the final stage and its platform cannot run natively on the target
 * platform, the image holds programs for the wrong architecture: the finding predicts {@code exec
 * format error}.
 *
 * @see <a
 *     href="https://docs.docker.com/reference/build-checks/from-platform-flag-const-disallowed/">
 *     FromPlatformFlagConstDisallowed</a>
 */
@RuleInfo(
    code = "DKL1101",
    name = "constant-platform-flag",
    severity = Severity.WARNING,
    summary = "FROM --platform with a constant value pins the stage to one architecture",
    aliases = {"FromPlatformFlagConstDisallowed", "DL3029"},
    predicts = Predicts.EXEC_FORMAT_ERROR)
public final class ConstantPlatformFlag implements Rule {

  @Override
  public void check(RuleContext ctx) {
    SemanticModel m = ctx.model();
    Optional<Stage> finalStage = m.finalStage();
    for (Stage s : m.stages()) {
      Optional<Flag> flag = s.from().flag("platform");
      if (flag.isEmpty()) {
        continue;
      }
      Optional<ShellLex.Result> r = m.expandWithMatches(flag.get().valueOrEmpty(), m.globalScope());
      if (r.isEmpty() || !r.get().matched().isEmpty() || !r.get().unmatched().isEmpty()) {
        continue;
      }
      Optional<Platform> p = Platform.parse(r.get().result());
      if (p.isEmpty()) {
        continue;
      }
      String name = s.name().orElse("");
      if (name.contains(p.get().os()) || name.contains(p.get().architecture())) {
        continue;
      }
      String message =
          "FROM --platform flag should not use constant value "
              + DockerfileText.jsonString(r.get().result())
              + ": the stage is "
              + p.get()
              + " whatever platform the build targets. Use $BUILDPLATFORM for a stage that"
              + " only runs build tools, leave --platform out for the target platform, or name"
              + " the stage after the platform (AS build-"
              + p.get().architecture()
              + ") if the pin is intended";
      Platform target = m.options().targetPlatform();
      boolean wrongFinalImage =
          finalStage.filter(f -> f == s).isPresent() && !Platforms.runsNatively(p.get(), target);
      Finding f = Finding.of(flag.get().range(), message);
      if (wrongFinalImage) {
        f =
            Finding.of(
                    flag.get().range(),
                    message
                        + ". This is the final stage: an image built for "
                        + target
                        + " holds "
                        + p.get()
                        + " programs, which fail with 'exec format error' on "
                        + target
                        + " hosts without emulation")
                .withPredicts(Predicts.EXEC_FORMAT_ERROR);
      }
      ctx.report(f);
    }
  }
}
