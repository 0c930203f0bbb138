package dev.dockerlint.rules.buildcontext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.dockerlint.engine.Linter;
import dev.dockerlint.registry.RuleRegistry;
import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.exec.ForeignBinary;
import dev.dockerlint.rules.exec.ScriptWithoutShebang;
import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.semantic.Platform;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad build contexts give a diagnostic, never a crash, and reading stays bounded. Contexts that
 * cannot be committed as fixtures (Maven skips symlinks, Git keeps no 0000 modes) are made here at
 * run time.
 */
class BadContextTest {
  @TempDir Path context;

  private static final BuildOptions OPTIONS =
      new BuildOptions(Platform.LINUX_AMD64, Platform.LINUX_AMD64, Map.of(), Optional.empty());

  private List<Diagnostic> lint(Class<?> rule, String dockerfile)
      throws ReflectiveOperationException {
    Linter linter =
        new Linter(
            new RuleRegistry(
                List.of((dev.dockerlint.rules.Rule) rule.getDeclaredConstructor().newInstance())));
    return linter.lint("Dockerfile", dockerfile, OPTIONS, Optional.of(context)).diagnostics();
  }

  @Test
  void symlinkLoopIsAWarningNotACrash() throws Exception {
    Files.createSymbolicLink(context.resolve("a"), Path.of("b"));
    Files.createSymbolicLink(context.resolve("b"), Path.of("a"));
    List<Diagnostic> d =
        lint(UnreadableContextSource.class, "FROM scratch\nCOPY a /a\nENTRYPOINT [\"/a\"]\n");
    assertThat(d).hasSize(1);
    assertThat(d.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(d.get(0).message())
        .contains("too many levels of symbolic links")
        .contains("the COPY at line 2 fails");
  }

  @Test
  void unreadableFileIsAWarning() throws Exception {
    assumeFalse("root".equals(System.getProperty("user.name")), "root can read any file");
    Path f = Files.writeString(context.resolve("secret.sh"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
    List<Diagnostic> d = lint(UnreadableContextSource.class, "FROM scratch\nCOPY secret.sh /s\n");
    assertThat(d).extracting(Diagnostic::message).anyMatch(m -> m.contains("cannot read"));
  }

  @Test
  void hugeFilesAreJudgedByTheirFirstBytesOnly() throws Exception {
    Path f = context.resolve("huge.sh");
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.setLength(8L << 30);
    }
    List<Diagnostic> d =
        lint(
            ForeignBinary.class,
            "FROM scratch\nCOPY --chmod=755 huge.sh /huge.sh\nENTRYPOINT [\"/huge.sh\"]\n");
    assertThat(d)
        .extracting(Diagnostic::message)
        .anyMatch(m -> m.contains("is binary data, not an ELF executable"));
  }

  @Test
  void aFifoInTheContextIsNoCrash() throws Exception {
    Path fifo = context.resolve("pipe");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeFalse(mkfifo.waitFor() != 0, "mkfifo is not available");
    List<Diagnostic> d =
        lint(ScriptWithoutShebang.class, "FROM scratch\nCOPY pipe /p\nENTRYPOINT [\"/p\"]\n");
    assertThat(d).noneMatch(x -> x.rule().code().equals(RuleRegistry.INTERNAL_ERROR.code()));
  }
}
