package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The hooks of the repository's {@code .pre-commit-hooks.yaml}, run by Debian's {@code pre-commit}
 * in a throw-away git repository: a commit with a bad Dockerfile is refused; after the fix hook
 * (dockerlint --fix, run by hand as a manual-stage hook) the same commit goes through. The hooks
 * run this build of dockerlint as a {@code repo: local} system hook (the published hooks build
 * dockerlint from their clone, which needs the network). Needs {@code pre-commit} and {@code git}
 * (.ci/setup.d/cli.sh installs them); without them the test is skipped, or fails under {@code
 * -Ddockerlint.requireTools=true}.
 */
class PreCommitHookTest {
  @TempDir Path dir;

  static final Path HOOKS = Path.of("..", ".pre-commit-hooks.yaml");

  @BeforeAll
  static void toolsArePresent() {
    for (String tool : List.of("pre-commit", "git")) {
      if (!onPath(tool)) {
        String why = tool + " is not installed (.ci/setup.d/cli.sh installs it)";
        if (Boolean.getBoolean("dockerlint.requireTools")) {
          fail(why + " and -Ddockerlint.requireTools=true");
        }
        Assumptions.abort(why);
      }
    }
  }

  private static boolean onPath(String tool) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
        return true;
      }
    }
    return false;
  }

  record Result(int exit, String output) {}

  private Result run(Path repo, String... command) throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("HOME", dir.resolve("home").toString());
    env.put("PRE_COMMIT_HOME", dir.resolve("pre-commit-cache").toString());
    env.put("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("NO_COLOR", "1");
    Process p = pb.start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("timed out: " + String.join(" ", command));
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> hook(String id) throws IOException {
    Object doc =
        new Load(LoadSettings.builder().build())
            .loadFromString(Files.readString(HOOKS, StandardCharsets.UTF_8));
    for (Object h : (List<Object>) doc) {
      Map<String, Object> m = (Map<String, Object>) h;
      if (id.equals(m.get("id"))) {
        return m;
      }
    }
    throw new AssertionError(HOOKS + " has no hook " + id);
  }

  /** The published hook as a local one that runs this build instead of a clone's. */
  private static String localHook(String id, String extra) throws IOException {
    Map<String, Object> h = hook(id);
    String entry = (String) h.get("entry");
    assertThat(entry).startsWith("dockerlint");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("java.class.path");
    String command =
        "'"
            + java
            + "' -cp '"
            + cp
            + "' dev.dockerlint.cli.Main"
            + entry.substring("dockerlint".length());
    return "  - id: "
        + id
        + "\n    name: "
        + h.get("name")
        + "\n    entry: \""
        + command.replace("\\", "\\\\").replace("\"", "\\\"")
        + "\"\n    language: system\n    files: '"
        + h.get("files")
        + "'\n    exclude: '"
        + h.get("exclude")
        + "'\n"
        + extra;
  }

  @Test
  void commitWithABadDockerfileIsRefusedThenAcceptedAfterTheFix() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Files.createDirectories(dir.resolve("home"));
    expectOk(run(repo, "git", "init", "-q", "-b", "main"));
    expectOk(run(repo, "git", "config", "user.email", "dev@example.com"));
    expectOk(run(repo, "git", "config", "user.name", "Dev"));
    expectOk(run(repo, "git", "config", "commit.gpgsign", "false"));
    Files.writeString(
        repo.resolve(".pre-commit-config.yaml"),
        "repos:\n- repo: local\n  hooks:\n"
            + localHook("dockerlint", "")
            + localHook("dockerlint-fix", "    stages: [manual]\n"));
    Files.writeString(repo.resolve("Dockerfile"), "FROM alpine:3.20\nMAINTAINER me\n");
    Files.writeString(repo.resolve("README.md"), "not a Dockerfile\n");
    expectOk(run(repo, "git", "add", "-A"));
    expectOk(run(repo, "pre-commit", "install"));

    List<String> lint = new ArrayList<>(List.of("pre-commit", "run", "dockerlint", "--files"));
    Result refused = run(repo, "git", "commit", "-q", "-m", "add a Dockerfile");
    assertThat(refused.exit()).as(refused.output()).isNotZero();
    assertThat(refused.output()).contains("Dockerfile:2:1: warning DKL4000 maintainer-deprecated");
    assertThat(run(repo, "git", "log", "--oneline").output()).doesNotContain("add a Dockerfile");

    Result fixed =
        run(
            repo,
            "pre-commit",
            "run",
            "--hook-stage",
            "manual",
            "dockerlint-fix",
            "--files",
            "Dockerfile");
    assertThat(fixed.output()).as(fixed.output()).contains("files were modified by this hook");
    assertThat(Files.readString(repo.resolve("Dockerfile")))
        .isEqualTo("FROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"me\"\n");
    lint.add("Dockerfile");
    assertThat(run(repo, lint.toArray(String[]::new)).exit()).isZero();

    expectOk(run(repo, "git", "add", "Dockerfile"));
    Result accepted = run(repo, "git", "commit", "-q", "-m", "add a Dockerfile");
    assertThat(accepted.exit()).as(accepted.output()).isZero();
    assertThat(run(repo, "git", "log", "--oneline").output()).contains("add a Dockerfile");
  }

  @Test
  void hookFilesPatternMatchesDockerfileNamesOnly() throws IOException {
    java.util.regex.Pattern files =
        java.util.regex.Pattern.compile(
            ((String) hook("dockerlint").get("files")).replace("(?i)", ""),
            java.util.regex.Pattern.CASE_INSENSITIVE);
    for (String yes :
        List.of(
            "Dockerfile",
            "svc/Dockerfile.prod",
            "api.Dockerfile",
            "a/Containerfile",
            "x.containerfile")) {
      assertThat(files.matcher(yes).find()).as(yes).isTrue();
    }
    for (String no : List.of("README.md", "dockerfiles/readme.txt", "notDockerfile.txt")) {
      assertThat(files.matcher(no).find()).as(no).isFalse();
    }
  }

  private static void expectOk(Result r) {
    assertThat(r.exit()).as(r.output()).isZero();
  }
}
