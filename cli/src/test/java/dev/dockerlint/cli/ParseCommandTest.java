package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCommandTest {
  @TempDir Path dir;

  @Test
  void printsTheBuildkitDump() throws IOException {
    Path f = dir.resolve("Dockerfile");
    Files.writeString(f, "FROM alpine AS base\nCOPY --chown=1:1 a b /c/\nENV A=1\n");
    CliRun r = CliRun.run("parse", "--format", "buildkit", f.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "(from \"alpine\" \"AS\" \"base\")\n(copy [\"--chown=1:1\"] \"a\" \"b\" \"/c/\")\n(env \"A\" \"1\" \"=\")\n");
  }

  @Test
  void fileBuildkitRejectsIsAnError() throws IOException {
    Path f = dir.resolve("Dockerfile");
    Files.writeString(f, "FROM alpine\nENV PATH\n");
    CliRun r = CliRun.run("parse", f.toString());
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err().strip()).isEqualTo("dockerlint: " + f + ":2: ENV must have two arguments");
  }
}
