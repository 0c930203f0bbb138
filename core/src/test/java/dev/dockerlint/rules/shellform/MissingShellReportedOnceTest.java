package dev.dockerlint.rules.shellform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.engine.Linter;
import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.semantic.Platform;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A SHELL naming a missing program is one root cause: all rules together report it once, as DKL1307
 * on the SHELL line, not again on every shell-form RUN and CMD that would start it.
 */
class MissingShellReportedOnceTest {

  private static final BuildOptions AMD64 =
      new BuildOptions(Platform.LINUX_AMD64, Platform.LINUX_AMD64, Map.of(), Optional.empty());

  private static List<String> codes(String dockerfile) {
    return Linter.builtIn()
        .lint("Dockerfile", dockerfile, AMD64, Optional.empty())
        .diagnostics()
        .stream()
        // The exec-failure rules only: style rules (e.g. consecutive RUNs) are not the subject.
        .filter(d -> d.rule().code().startsWith("DKL1"))
        .map(d -> d.rule().code() + "@" + (d.range().start().line() + 1))
        .toList();
  }

  @Test
  void aMissingShellIsReportedOnTheShellLineOnly() {
    List<String> codes =
        codes(
            "FROM scratch\nCOPY busybox /busybox\nSHELL [\"/bin/bash\", \"-c\"]\n"
                + "RUN echo one\nRUN echo two\nCMD echo three\n");

    assertThat(codes).containsExactly("DKL1307@3");
  }

  @Test
  void aMissingDefaultShellIsStillReportedWhereItRuns() {
    List<Diagnostic> ds =
        Linter.builtIn()
            .lint(
                "Dockerfile",
                "FROM scratch\nCOPY busybox /busybox\nRUN echo one\n",
                AMD64,
                Optional.empty())
            .diagnostics();

    assertThat(ds).extracting(d -> d.rule().code()).containsExactly("DKL1002");
  }
}
