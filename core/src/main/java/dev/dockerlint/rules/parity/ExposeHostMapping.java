package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Edit;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Fix;
import dev.dockerlint.rules.FixAvailability;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;

/**
 * EXPOSE with an IP address or host port ({@code 127.0.0.1:80:80}, {@code 8080:80}): EXPOSE only
 * documents the container's port; the mapping is ignored today and BuildKit announces that it will
 * become an error. Publishing is {@code docker run -p}'s job.
 *
 * @see <a
 *     href="https://docs.docker.com/reference/build-checks/expose-invalid-format/">ExposeInvalidFormat</a>
 */
@RuleInfo(
    code = "DKL5009",
    name = "expose-host-mapping",
    severity = Severity.WARNING,
    summary = "EXPOSE with an IP address or host port",
    aliases = {"ExposeInvalidFormat"},
    fix = FixAvailability.SOMETIMES)
public final class ExposeHostMapping implements StageRule {
  @Override
  public void checkStage(RuleContext ctx, Stage stage) {
    for (ExposePorts.Port p : ExposePorts.of(ctx, stage)) {
      if (p.ip().isEmpty() && p.hostPort().isEmpty()) {
        continue;
      }
      Finding f =
          Finding.of(
              p.range(),
              "EXPOSE instruction should not define an IP address or host-port mapping, found '"
                  + p.raw()
                  + "'");
      if (p.literal() && ctx.file().source().slice(p.range()).equals(p.raw())) {
        String keep = p.containerPort() + (p.proto().isEmpty() ? "" : "/" + p.proto());
        f = f.withFix(Fix.safe("Keep the container port", new Edit(p.range(), keep)));
      }
      ctx.report(f);
    }
  }
}
