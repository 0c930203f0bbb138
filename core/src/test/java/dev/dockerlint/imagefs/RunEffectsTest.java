package dev.dockerlint.imagefs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.image.ImageMetadataSource;
import dev.dockerlint.imagefs.FsState.Absent;
import dev.dockerlint.imagefs.FsState.Present;
import dev.dockerlint.rules.LintInput;
import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.semantic.Platform;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.syntax.Dockerfile;
import dev.dockerlint.syntax.DockerfileReader;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What RUN does to the files of a stage, as far as its shell script tells. */
class RunEffectsTest {

  /** The state of {@code path} after a scratch stage with a 0644 /a.sh and {@code run}. */
  private static FsState after(String run, String path) {
    String text =
        "FROM scratch\nCOPY <<EOF /a.sh\n#!/bin/sh\nEOF\nCOPY <<EOF /app/run.sh\n#!/bin/sh\nEOF\n"
            + run
            + "\n";
    Dockerfile f = DockerfileReader.parse(text);
    BuildOptions o =
        new BuildOptions(Platform.LINUX_AMD64, Platform.LINUX_AMD64, Map.of(), Optional.empty());
    SemanticModel m = SemanticModel.of(f, o);
    ImageFs fs =
        ImageFs.of(
            new LintInput("Dockerfile", f, m, Optional.empty(), ImageMetadataSource.none("-")));
    return fs.stage(m.stages().get(0)).atEnd().resolve(path);
  }

  private static int mode(FsState s) {
    return ((Present) s).node().mode().orElseThrow();
  }

  private static boolean sure(FsState s) {
    return s.maybeBy().isEmpty();
  }

  @Test
  void chmodInItsManyForms() {
    assertThat(mode(after("RUN chmod +x /a.sh", "/a.sh"))).isEqualTo(0755);
    assertThat(mode(after("RUN chmod 0700 /a.sh", "/a.sh"))).isEqualTo(0700);
    assertThat(mode(after("RUN sudo chmod u+x /a.sh", "/a.sh"))).isEqualTo(0744);
    assertThat(mode(after("RUN cd /app && chmod +x run.sh", "/app/run.sh"))).isEqualTo(0755);
    assertThat(mode(after("RUN chmod -R a+X,u+x /app", "/app/run.sh"))).isEqualTo(0744);
    assertThat(mode(after("RUN [\"chmod\", \"+x\", \"/a.sh\"]", "/a.sh"))).isEqualTo(0755);
    assertThat(mode(after("RUN bash -c 'chmod +x /a.sh'", "/a.sh"))).isEqualTo(0755);
    assertThat(mode(after("RUN S=/a.sh; chmod 755 $S", "/a.sh"))).isEqualTo(0755);
  }

  @Test
  void heredocScriptsAreAnalysedLikeShellForm() {
    assertThat(mode(after("RUN <<EOT\nset -eux\nchmod +x /a.sh\nEOT", "/a.sh"))).isEqualTo(0755);
    assertThat(sure(after("RUN <<EOT\n#!/usr/bin/env python3\nimport os\nEOT", "/a.sh"))).isFalse();
    assertThat(mode(after("RUN cat <<EOT > /b.sh\necho hi\nEOT", "/b.sh"))).isEqualTo(0644);
  }

  @Test
  void chmodOnPatternsOnlyMayChange() {
    FsState s = after("RUN chmod +x /app/*.sh", "/app/run.sh");
    assertThat(mode(s)).isEqualTo(0644);
    assertThat(sure(s)).isFalse();
    assertThat(sure(after("RUN chmod +x /app/*.sh", "/a.sh"))).isTrue();
    assertThat(sure(after("RUN find /app -name '*.sh' -exec chmod +x {} \\;", "/app/run.sh")))
        .isFalse();
    assertThat(sure(after("RUN find /app -name '*.sh' -exec chmod +x {} \\;", "/a.sh"))).isTrue();
  }

  @Test
  void copiesMovesInstallsAndRemovals() {
    assertThat(mode(after("RUN install -D -m 755 /a.sh /usr/local/bin/a", "/usr/local/bin/a")))
        .isEqualTo(0755);
    assertThat(after("RUN install -m 755 /a.sh /usr/local/bin/a", "/usr/local/bin/a"))
        .isInstanceOf(Absent.class);
    assertThat(mode(after("RUN cp /a.sh /b.sh", "/b.sh"))).isEqualTo(0644);
    assertThat(after("RUN mv /a.sh /b.sh", "/a.sh")).isInstanceOf(Absent.class);
    assertThat(after("RUN mv /a.sh /app/", "/app/a.sh")).isInstanceOf(Present.class);
    assertThat(after("RUN rm -f /a.sh", "/a.sh")).isInstanceOf(Absent.class);
    assertThat(after("RUN ln -sf /a.sh /app/b", "/app/b")).isInstanceOf(Present.class);
  }

  @Test
  void downloadsAndRedirectionsWriteFilesWithoutExecBit() {
    assertThat(mode(after("RUN curl -fsSLo /tool https://example.com/t", "/tool"))).isEqualTo(0644);
    assertThat(mode(after("RUN wget -qO /tool https://example.com/t", "/tool"))).isEqualTo(0644);
    assertThat(mode(after("RUN cd /app && wget https://example.com/t.sh", "/app/t.sh")))
        .isEqualTo(0644);
    assertThat(mode(after("RUN echo 'echo hi' > /hi.sh", "/hi.sh"))).isEqualTo(0644);
    assertThat(after("RUN curl -fsSL https://example.com/t | tar -xz -C /opt", "/opt/t").maybeBy())
        .hasSize(1);
  }

  @Test
  void packageManagersInstallInterpretersAndMayCreateSystemFiles() {
    String apt = "RUN apt-get update && apt-get install -y --no-install-recommends python3";
    assertThat(after(apt, "/usr/bin/python3")).isInstanceOf(Present.class);
    assertThat(((Absent) after(apt, "/usr/bin/perl")).mayCreate()).hasSize(1);
    assertThat(((Absent) after(apt, "/usr/local/bin/app")).mayCreate()).isEmpty();
    assertThat(sure(after(apt, "/a.sh"))).isTrue();
  }

  @Test
  void harmlessCommandsChangeNothingAndUnknownOnesMayChangeAnything() {
    assertThat(sure(after("RUN useradd -m app && echo done && mkdir -p /data", "/a.sh"))).isTrue();
    assertThat(sure(after("RUN set -eux; ARCH=\"$(uname -m)\"; echo $ARCH", "/a.sh"))).isTrue();
    assertThat(sure(after("RUN make install", "/a.sh"))).isFalse();
    assertThat(sure(after("RUN ./configure", "/app/run.sh"))).isFalse();
  }
}
