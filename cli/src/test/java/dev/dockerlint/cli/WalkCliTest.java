package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folder walks: Dockerfile names, .gitignore files, --exclude. */
class WalkCliTest {
  @TempDir Path dir;

  private void write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private List<String> linted(String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of("--format", "json"));
    all.addAll(List.of(args));
    CliRun r = CliRun.run(all.toArray(String[]::new));
    List<String> out = new ArrayList<>();
    new ObjectMapper()
        .readTree(r.out())
        .get("files")
        .forEach(f -> out.add(dir.relativize(Path.of(f.get("path").asText())).toString()));
    return out;
  }

  @Test
  void gitignoreFilesAreRespectedAtEveryLevel() throws IOException {
    write(".git/HEAD", "ref: refs/heads/main\n");
    write(".gitignore", "build/\n*.generated.Dockerfile\n");
    write("Dockerfile", "FROM a\n");
    write("build/Dockerfile", "FROM a\n");
    write("svc/x.generated.Dockerfile", "FROM a\n");
    write("svc/.gitignore", "Dockerfile.local\n!keep.generated.Dockerfile\n");
    write("svc/Dockerfile.local", "FROM a\n");
    write("svc/keep.generated.Dockerfile", "FROM a\n");
    write("svc/Containerfile", "FROM a\n");
    assertThat(linted(dir.toString()))
        .containsExactlyInAnyOrder(
            "Dockerfile", "svc/Containerfile", "svc/keep.generated.Dockerfile");
  }

  @Test
  void gitignoreAboveTheWalkedFolderCountsInsideARepository() throws IOException {
    write(".git/HEAD", "ref: refs/heads/main\n");
    write(".gitignore", "/svc/old/\n");
    write("svc/Dockerfile", "FROM a\n");
    write("svc/old/Dockerfile", "FROM a\n");
    assertThat(linted(dir.resolve("svc").toString())).containsExactly("svc/Dockerfile");
  }

  @Test
  void excludeOptionSkipsMatches() throws IOException {
    write("Dockerfile", "FROM a\n");
    write("third_party/x/Dockerfile", "FROM a\n");
    write("api.Dockerfile", "FROM a\n");
    assertThat(linted("--exclude", "third_party", "--exclude", "api.*", dir.toString()))
        .containsExactly("Dockerfile");
  }

  @Test
  void namedFilesAreLintedEvenWhenExcluded() throws IOException {
    write(".gitignore", "Dockerfile\n");
    write(".git/HEAD", "x");
    write("Dockerfile", "FROM a\n");
    assertThat(linted("--exclude", "Dockerfile", dir.resolve("Dockerfile").toString()))
        .containsExactly("Dockerfile");
  }

  @Test
  void ignoreRulesFollowGitSemantics() {
    IgnoreRules r =
        IgnoreRules.of(Path.of("/r"), List.of("*.tmp", "/top", "docs/**/gen", "dir/", "!keep.tmp"));
    assertThat(r.decide(Path.of("/r/a/b.tmp"), false)).isTrue();
    assertThat(r.decide(Path.of("/r/keep.tmp"), false)).isFalse();
    assertThat(r.decide(Path.of("/r/top"), false)).isTrue();
    assertThat(r.decide(Path.of("/r/x/top"), false)).isNull();
    assertThat(r.decide(Path.of("/r/docs/a/b/gen"), true)).isTrue();
    assertThat(r.decide(Path.of("/r/x/dir"), false)).isNull();
    assertThat(r.decide(Path.of("/r/x/dir"), true)).isTrue();
  }
}
