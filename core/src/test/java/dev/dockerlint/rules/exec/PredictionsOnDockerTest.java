package dev.dockerlint.rules.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.engine.Linter;
import dev.dockerlint.engine.Report;
import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.semantic.Platform;
import dev.dockerlint.testkit.Container;
import dev.dockerlint.testkit.DockerEngine;
import dev.dockerlint.testkit.DockerEngineExtension;
import dev.dockerlint.testkit.Fixtures;
import dev.dockerlint.testkit.FixturesExtension;
import dev.dockerlint.testkit.ImageTarball;
import dev.dockerlint.testkit.ProcessRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proof against reality: every interpreter rule's bad scenario is linted (the rule must report an
 * error predicting an error text; a warning where dockerlint has to assume something), built on a
 * real Docker Engine with the legacy builder from a context of real Debian binaries and a locally
 * made base image (no pulls), and run with {@code --network none}; the text Docker prints must
 * contain the prediction. Each bad scenario has a good twin that gets no error diagnostic from any
 * rule, builds and runs to exit code 0.
 *
 * <p>Observed texts are printed as {@code OBSERVED} lines.
 */
@ExtendWith({DockerEngineExtension.class, FixturesExtension.class})
class PredictionsOnDockerTest {

  private static final BuildOptions AMD64 =
      new BuildOptions(Platform.LINUX_AMD64, Platform.LINUX_AMD64, Map.of(), Optional.empty());
  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(3);
  private static final String SH = "#!/bin/sh\necho hi\n";

  /** A file of the build context: its bytes and mode. */
  private record CtxFile(byte[] content, int mode) {}

  /**
   * One scenario: the context, what dockerlint must say ({@code rule} reporting an error that
   * predicts {@code predicts}; none for a good twin), and whether Docker fails at build or at run.
   */
  private record Scenario(
      String name,
      String dockerfile,
      Map<String, CtxFile> context,
      Optional<String> rule,
      Optional<Predicts> predicts,
      Severity severity,
      boolean failsAtBuild) {}

  /** Builds a {@link Scenario}. */
  private static final class Builder {
    final String name;
    final Map<String, CtxFile> context = new LinkedHashMap<>();
    String dockerfile = "";

    Builder(String name) {
      this.name = name;
    }

    Builder file(String path, byte[] content, int mode) {
      context.put(path, new CtxFile(content, mode));
      return this;
    }

    Builder file(String path, String content, int mode) {
      return file(path, content.getBytes(StandardCharsets.UTF_8), mode);
    }

    Builder dockerfile(String... lines) {
      dockerfile = String.join("\n", lines) + "\n";
      return this;
    }

    Scenario bad(String rule, Predicts predicts, boolean atBuild) {
      return new Scenario(
          name,
          dockerfile,
          context,
          Optional.of(rule),
          Optional.of(predicts),
          Severity.ERROR,
          atBuild);
    }

    /** A failure dockerlint foresees only as a warning, since it rests on an assumption. */
    Scenario badWarning(String rule, Predicts predicts) {
      return new Scenario(
          name,
          dockerfile,
          context,
          Optional.of(rule),
          Optional.of(predicts),
          Severity.WARNING,
          false);
    }

    Scenario good() {
      return new Scenario(
          name, dockerfile, context, Optional.empty(), Optional.empty(), Severity.ERROR, false);
    }
  }

  private static Builder scenario(String name) {
    return new Builder(name);
  }

  /** A script {@code /run.sh} run by ENTRYPOINT, with busybox as {@code /bin/sh}. */
  private static Builder script(String name, byte[] busybox, String content, int mode) {
    return scenario(name)
        .file("busybox", busybox, 0755)
        .file("run.sh", content, mode)
        .dockerfile(
            "FROM scratch",
            "COPY busybox /bin/sh",
            "COPY run.sh /run.sh",
            "ENTRYPOINT [\"/run.sh\"]");
  }

  /**
   * The scenarios; {@code base} is a loaded image with busybox and {@code
   * PATH=/usr/local/bin:/bin}, whose files and PATH dockerlint does not know.
   */
  static List<Scenario> scenarios(Fixtures fx, String base) {
    final byte[] busybox = fx.busybox("amd64").bytes();
    final byte[] busyboxArm64 = fx.busybox("arm64").bytes();
    final byte[] bash = fx.get("bash-static.amd64").bytes();
    final byte[] hello = fx.get("hello.amd64").bytes();
    List<Scenario> out = new ArrayList<>();

    // DKL1300 foreign-binary
    out.add(
        scenario("arm64 busybox in an amd64 image")
            .file("busybox", busyboxArm64, 0755)
            .dockerfile(
                "FROM scratch",
                "COPY busybox /bin/busybox",
                "ENTRYPOINT [\"/bin/busybox\", \"true\"]")
            .bad("DKL1300", Predicts.EXEC_FORMAT_ERROR, false));
    out.add(
        scenario("arm64 busybox run by RUN")
            .file("busybox", busyboxArm64, 0755)
            .dockerfile(
                "FROM scratch", "COPY busybox /bin/busybox", "RUN [\"/bin/busybox\", \"true\"]")
            .bad("DKL1300", Predicts.EXEC_FORMAT_ERROR, true));
    out.add(
        scenario("amd64 busybox in an amd64 image")
            .file("busybox", busybox, 0755)
            .dockerfile(
                "FROM scratch",
                "COPY busybox /bin/busybox",
                "RUN [\"/bin/busybox\", \"true\"]",
                "ENTRYPOINT [\"/bin/busybox\", \"true\"]")
            .good());

    // DKL1301 script-without-shebang
    out.add(
        script("script without #!", busybox, "echo hi\n", 0755)
            .bad("DKL1301", Predicts.EXEC_FORMAT_ERROR, false));
    out.add(script("script with #!/bin/sh", busybox, SH, 0755).good());

    // DKL1302 bom-before-shebang
    out.add(
        script("byte order mark before #!", busybox, "\uFEFF" + SH, 0755)
            .bad("DKL1302", Predicts.EXEC_FORMAT_ERROR, false));
    out.add(
        script("byte order mark cut off while building", busybox, "\uFEFF" + SH, 0755)
            .dockerfile(
                "FROM scratch",
                "COPY busybox /bin/sh",
                "COPY run.sh /run.sh",
                "RUN tail -c +4 /run.sh > /run.tmp && cat /run.tmp > /run.sh",
                "ENTRYPOINT [\"/run.sh\"]")
            .good());

    // DKL1303 crlf-shebang
    String crlf = "#!/bin/sh\r\necho hi\r\n";
    out.add(
        script("CRLF #! line", busybox, crlf, 0755).bad("DKL1303", Predicts.NO_SUCH_FILE, false));
    out.add(
        script("CRLF repaired by sed", busybox, crlf, 0755)
            .dockerfile(
                "FROM scratch",
                "COPY busybox /bin/sh",
                "COPY run.sh /run.sh",
                "RUN sed -i 's/\\r$//' /run.sh",
                "ENTRYPOINT [\"/run.sh\"]")
            .good());

    // DKL1304 missing-exec-bit
    out.add(
        script("script without exec bit", busybox, SH, 0644)
            .bad("DKL1304", Predicts.PERMISSION_DENIED, false));
    out.add(
        script("exec bit set by RUN chmod", busybox, SH, 0644)
            .dockerfile(
                "FROM scratch",
                "COPY busybox /bin/sh",
                "COPY run.sh /run.sh",
                "RUN chmod +x /run.sh",
                "ENTRYPOINT [\"/run.sh\"]")
            .good());
    out.add(
        script("exec bit for root only, USER 1000", busybox, SH, 0700)
            .dockerfile(
                "FROM scratch",
                "COPY busybox /bin/sh",
                "COPY run.sh /run.sh",
                "USER 1000:1000",
                "ENTRYPOINT [\"/run.sh\"]")
            .bad("DKL1304", Predicts.PERMISSION_DENIED, false));
    out.add(
        script("exec bit for everyone, USER 1000", busybox, SH, 0755)
            .dockerfile(
                "FROM scratch",
                "COPY busybox /bin/sh",
                "COPY run.sh /run.sh",
                "USER 1000:1000",
                "ENTRYPOINT [\"/run.sh\"]")
            .good());

    out.add(
        scenario("entrypoint on the base image's PATH without exec bit")
            .file("run.sh", SH, 0644)
            .dockerfile("FROM " + base, "COPY run.sh /usr/local/bin/", "ENTRYPOINT [\"run.sh\"]")
            .badWarning("DKL1304", Predicts.NOT_FOUND_IN_PATH));
    out.add(
        scenario("entrypoint on the base image's PATH with exec bit")
            .file("run.sh", SH, 0755)
            .dockerfile("FROM " + base, "COPY run.sh /usr/local/bin/", "ENTRYPOINT [\"run.sh\"]")
            .good());

    // DKL1305 program-not-found
    out.add(
        scenario("absolute program missing")
            .file("busybox", busybox, 0755)
            .dockerfile("FROM scratch", "COPY busybox /bin/busybox", "ENTRYPOINT [\"/bin/app\"]")
            .bad("DKL1305", Predicts.NO_SUCH_FILE, false));
    out.add(
        scenario("program not in PATH")
            .file("busybox", busybox, 0755)
            .dockerfile(
                "FROM scratch", "COPY busybox /opt/bin/busybox", "CMD [\"busybox\", \"true\"]")
            .bad("DKL1305", Predicts.NOT_FOUND_IN_PATH, false));
    out.add(
        scenario("program in ENV PATH")
            .file("busybox", busybox, 0755)
            .dockerfile(
                "FROM scratch",
                "COPY busybox /opt/bin/busybox",
                "ENV PATH=/opt/bin",
                "CMD [\"busybox\", \"true\"]")
            .good());

    // DKL1306 interpreter-not-found
    out.add(
        script("#!/bin/bash without bash", busybox, "#!/bin/bash\necho hi\n", 0755)
            .bad("DKL1306", Predicts.NO_SUCH_FILE, false));
    out.add(
        scenario("#!/bin/bash with bash-static")
            .file("bash", bash, 0755)
            .file("run.sh", "#!/bin/bash\necho hi\n", 0755)
            .dockerfile(
                "FROM scratch",
                "COPY bash /bin/bash",
                "COPY run.sh /run.sh",
                "ENTRYPOINT [\"/run.sh\"]")
            .good());
    out.add(
        scenario("#!/usr/bin/env bash without bash")
            .file("busybox", busybox, 0755)
            .file("run.sh", "#!/usr/bin/env bash\necho hi\n", 0755)
            .dockerfile(
                "FROM scratch",
                "COPY busybox /usr/bin/env",
                "COPY run.sh /run.sh",
                "ENTRYPOINT [\"/run.sh\"]")
            .bad("DKL1306", Predicts.NO_SUCH_FILE, false));
    out.add(
        scenario("#!/usr/bin/env bash with bash on PATH")
            .file("busybox", busybox, 0755)
            .file("bash", bash, 0755)
            .file("run.sh", "#!/usr/bin/env bash\necho hi\n", 0755)
            .dockerfile(
                "FROM scratch",
                "COPY busybox /usr/bin/env",
                "COPY bash /usr/local/bin/bash",
                "COPY run.sh /run.sh",
                "ENTRYPOINT [\"/run.sh\"]")
            .good());

    // DKL1307 shell-not-found
    out.add(
        scenario("SHELL bash without bash")
            .file("busybox", busybox, 0755)
            .dockerfile(
                "FROM scratch",
                "COPY busybox /bin/sh",
                "SHELL [\"/bin/bash\", \"-c\"]",
                "RUN echo hi")
            .bad("DKL1307", Predicts.NO_SUCH_FILE, true));
    out.add(
        scenario("SHELL bash with bash-static")
            .file("bash", bash, 0755)
            .dockerfile(
                "FROM scratch",
                "COPY bash /bin/bash",
                "SHELL [\"/bin/bash\", \"-c\"]",
                "RUN echo hi",
                "ENTRYPOINT [\"/bin/bash\", \"-c\", \"echo hi\"]")
            .good());

    // DKL1308 missing-dynamic-loader
    out.add(
        scenario("glibc hello without its loader")
            .file("hello", hello, 0755)
            .dockerfile(
                "FROM scratch", "COPY hello /usr/bin/hello", "ENTRYPOINT [\"/usr/bin/hello\"]")
            .bad("DKL1308", Predicts.NO_SUCH_FILE, false));
    out.add(
        scenario("glibc hello with loader and libc")
            .file("hello", hello, 0755)
            .file("ld-linux-x86-64.so.2", fx.get("glibc-loader.amd64").bytes(), 0755)
            .file("libc.so.6", fx.get("glibc-libc.amd64").bytes(), 0755)
            .dockerfile(
                "FROM scratch",
                "COPY hello /usr/bin/hello",
                "COPY ld-linux-x86-64.so.2 /lib64/ld-linux-x86-64.so.2",
                "COPY libc.so.6 /lib/x86_64-linux-gnu/libc.so.6",
                "ENTRYPOINT [\"/usr/bin/hello\"]")
            .good());
    return out;
  }

  @TestFactory
  Stream<DynamicTest> predictionsMatchWhatDockerPrints(DockerEngine docker, Fixtures fixtures) {
    String base =
        docker.load(
            ImageTarball.builder()
                .layer(fixtures.busyboxLayer("amd64"))
                .env("PATH", "/usr/local/bin:/bin")
                .build());
    return scenarios(fixtures, base).stream()
        .map(s -> DynamicTest.dynamicTest(s.name(), () -> check(docker, s)));
  }

  private static void check(DockerEngine docker, Scenario s) throws IOException {
    Path dir = Files.createTempDirectory("dockerlint-scenario");
    String tag = "dockerlint-rules-test/" + UUID.randomUUID() + ":1";
    try {
      writeContext(dir, s);
      Report report = Linter.builtIn().lint("Dockerfile", s.dockerfile(), AMD64, Optional.of(dir));
      List<Diagnostic> errors =
          report.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
      if (s.rule().isPresent()) {
        assertThat(report.diagnostics())
            .as(
                "%s: %s predicts %s (%s)",
                s.name(), s.rule().get(), s.predicts().get().text(), s.severity().id())
            .anyMatch(
                d ->
                    d.rule().code().equals(s.rule().get())
                        && d.predicts().equals(s.predicts())
                        && d.severity() == s.severity());
      } else {
        assertThat(errors).as("%s: no error diagnostics", s.name()).isEmpty();
      }

      ProcessRunner.Result build =
          docker.docker(BUILD_TIMEOUT, "build", "-q", "-t", tag, dir.toString());
      String buildOutput = build.stdout() + build.stderr();
      if (s.failsAtBuild()) {
        assertThat(build.ok()).as("%s: the build fails", s.name()).isFalse();
        observed(s, buildOutput);
        assertThat(buildOutput.toLowerCase(Locale.ROOT))
            .as("%s: build output", s.name())
            .contains(s.predicts().get().text().toLowerCase(Locale.ROOT));
        return;
      }
      assertThat(build.ok()).as("%s: the build succeeds: %s", s.name(), buildOutput).isTrue();
      Container.Result run = docker.container(tag).timeout(Duration.ofSeconds(60)).run();
      if (s.predicts().isPresent()) {
        String output = run.stdout() + run.stderr();
        observed(s, output);
        assertThat(run.exitCode()).as("%s: the container fails", s.name()).isNotZero();
        assertThat(output.toLowerCase(Locale.ROOT))
            .as("%s: what docker run prints", s.name())
            .contains(s.predicts().get().text().toLowerCase(Locale.ROOT));
      } else {
        assertThat(run.exitCode()).as("%s: runs fine: %s", s.name(), run.output()).isZero();
      }
    } finally {
      docker.docker(DockerEngine.SHORT, "image", "rm", "-f", tag);
      deleteTree(dir);
    }
  }

  private static void observed(Scenario s, String output) {
    String needle = s.predicts().get().text().toLowerCase(Locale.ROOT);
    output
        .lines()
        .filter(l -> l.toLowerCase(Locale.ROOT).contains(needle))
        .findFirst()
        .ifPresent(
            l ->
                System.out.println(
                    "OBSERVED " + s.rule().get() + " " + s.name() + ": " + l.strip()));
  }

  private static void writeContext(Path dir, Scenario s) throws IOException {
    Files.writeString(dir.resolve("Dockerfile"), s.dockerfile());
    for (Map.Entry<String, CtxFile> e : s.context().entrySet()) {
      Path p = dir.resolve(e.getKey());
      Files.write(p, e.getValue().content());
      Files.setPosixFilePermissions(p, permissions(e.getValue().mode()));
    }
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] all = PosixFilePermission.values();
    for (int i = 0; i < 9; i++) {
      if ((mode & (0400 >> i)) != 0) {
        out.add(all[i]);
      }
    }
    return out;
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }
}
