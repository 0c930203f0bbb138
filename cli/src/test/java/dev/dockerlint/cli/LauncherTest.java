package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The repository's {@code ./dockerlint} launcher, run as a process in a copy of the repository's
 * layout with stand-ins for {@code mvn} (which records that it ran, takes a while and writes the
 * jar) and {@code java} (which prints its arguments).
 */
class LauncherTest {
  private static final Path JVM_OPTIONS = Path.of("src", "main", "jvm");
  private static final List<String> OPTIONS_FILES = List.of("cli.options", "lsp.options");

  /** A source of each module the jar is built from. */
  private static final List<String> SOURCES =
      List.of(
          "grammar/src/main/antlr4/Dockerfile.g4",
          "core/src/main/java/A.java",
          "core/src/main/resources/rules/a.md",
          "lsp-server/src/main/java/B.java",
          "cli/src/main/java/C.java");

  @TempDir Path dir;

  private Path repo() throws IOException {
    Path root = Files.createDirectories(dir.resolve("repo"));
    Files.copy(Path.of("..", "dockerlint"), root.resolve("dockerlint"));
    Files.writeString(root.resolve("pom.xml"), "<project/>\n");
    for (String source : SOURCES) {
      Files.createDirectories(root.resolve(source).getParent());
      Files.writeString(root.resolve(source), "\n");
    }
    Files.createDirectories(root.resolve("cli/src/main/jvm"));
    for (String options : OPTIONS_FILES) {
      Files.copy(JVM_OPTIONS.resolve(options), root.resolve("cli/src/main/jvm").resolve(options));
    }
    Path bin = Files.createDirectories(dir.resolve("bin"));
    script(
        bin.resolve("mvn"),
        "echo built >> \""
            + dir.resolve("builds")
            + "\"\nsleep 2\n"
            + "mkdir -p cli/target && echo jar > cli/target/dockerlint.jar\n");
    script(bin.resolve("java"), "echo \"java $*\"\n");
    return root;
  }

  private static void script(Path file, String body) throws IOException {
    Files.writeString(file, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private Process start(Path root) throws IOException {
    return start(root, Map.of(), "--version");
  }

  private Process start(Path root, Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(root.resolve("dockerlint").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().remove("DOCKERLINT_JAVA_OPTS");
    pb.environment().put("PATH", dir.resolve("bin") + ":/usr/bin:/bin");
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    return pb.start();
  }

  @Test
  void launchersStartedTogetherBuildOnceAndAllRun() throws Exception {
    Path root = repo();
    List<Process> all = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      all.add(start(root));
    }
    for (Process p : all) {
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String out = new String(p.getInputStream().readAllBytes());
      assertThat(p.exitValue()).as(out).isZero();
      assertThat(out)
          .contains("java ")
          .contains("dockerlint.jar dev.dockerlint.cli.Main --version");
    }
    assertThat(Files.readAllLines(dir.resolve("builds"))).hasSize(1);
  }

  @ParameterizedTest
  @FieldSource("SOURCES")
  void buildsAgainOnlyWhenASourceIsNewerThanTheJar(String source) throws Exception {
    Path root = repo();
    assertThat(start(root).waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(start(root).waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readAllLines(dir.resolve("builds"))).hasSize(1);
    Files.setLastModifiedTime(root.resolve(source), FileTime.from(Instant.now().plusSeconds(60)));
    Process again = start(root);
    assertThat(again.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(new String(again.getInputStream().readAllBytes()))
        .contains("dockerlint: building (first use or sources changed)...");
    assertThat(Files.readAllLines(dir.resolve("builds"))).hasSize(2);
  }

  private static String output(Process p) throws Exception {
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  @Test
  void theLanguageServerGetsItsOwnJvmOptionsAndOtherCommandsTheShortRunOnes() throws Exception {
    Path root = repo();
    Path jvm = root.resolve("cli/src/main/jvm");
    assertThat(output(start(root, Map.of(), "lsp", "--stdio")))
        .contains("java @" + jvm.resolve("lsp.options") + " ")
        .doesNotContain("cli.options")
        .contains("dockerlint.jar dev.dockerlint.cli.Main lsp --stdio");
    for (String command : List.of("check", "rules", "version")) {
      assertThat(output(start(root, Map.of(), command)))
          .contains("java @" + jvm.resolve("cli.options") + " ")
          .doesNotContain("lsp.options");
    }
    assertThat(output(start(root, Map.of(), "Dockerfile")))
        .contains("java @" + jvm.resolve("cli.options") + " ");
  }

  @Test
  void javaOptionsFromTheEnvironmentReplaceTheSubcommandsOptions() throws Exception {
    Path root = repo();
    for (String command : List.of("lsp", "check")) {
      String out =
          output(start(root, Map.of("DOCKERLINT_JAVA_OPTS", "-Xmx99m -XX:+UseG1GC"), command));
      assertThat(out).contains("java -Xmx99m -XX:+UseG1GC ").doesNotContain(".options");
    }
  }

  @Test
  void thisJavaAcceptsEveryOptionsFile() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    for (String options : OPTIONS_FILES) {
      Process p =
          new ProcessBuilder(java.toString(), "@" + JVM_OPTIONS.resolve(options), "-version")
              .redirectErrorStream(true)
              .start();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String out = new String(p.getInputStream().readAllBytes());
      assertThat(p.exitValue()).as(options + ": " + out).isZero();
    }
  }
}
