package dev.dockerlint.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextFilesTest {
  @TempDir Path root;

  /** The operating system's answers, counted per question. */
  private static class Counting implements ContextFiles {
    final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();

    private void count(String q) {
      asked.computeIfAbsent(q, k -> new AtomicInteger()).incrementAndGet();
    }

    int times(String q) {
      AtomicInteger n = asked.get(q);
      return n == null ? 0 : n.get();
    }

    @Override
    public Stat lstat(Path path) throws IOException {
      count("lstat " + path.getFileName());
      return ContextFiles.direct().lstat(path);
    }

    @Override
    public List<String> list(Path directory) throws IOException {
      count("list " + directory.getFileName());
      return ContextFiles.direct().list(directory);
    }

    @Override
    public String readLink(Path link) throws IOException {
      count("readLink " + link.getFileName());
      return ContextFiles.direct().readLink(link);
    }

    @Override
    public boolean readable(Path file) {
      count("readable " + file.getFileName());
      return ContextFiles.direct().readable(file);
    }

    @Override
    public String readString(Path file) throws IOException {
      count("readString " + file.getFileName());
      return ContextFiles.direct().readString(file);
    }
  }

  @Test
  void aRememberingInstanceAsksEachQuestionOnce() throws IOException {
    Files.createDirectories(root.resolve("src"));
    Files.writeString(root.resolve("src/a.sh"), "#!/bin/sh\n");
    Files.writeString(root.resolve("src/b.sh"), "#!/bin/sh\n");
    Files.createSymbolicLink(root.resolve("latest"), Path.of("src"));
    Counting os = new Counting();
    ContextFiles files = new ContextFiles.Remembering(os);

    for (int i = 0; i < 3; i++) {
      assertThat(files.list(root.resolve("src"))).containsExactly("a.sh", "b.sh");
      assertThat(files.lstat(root.resolve("src/a.sh")).type()).isEqualTo(EntryType.FILE);
      assertThat(files.readLink(root.resolve("latest"))).isEqualTo("src");
      assertThat(files.readable(root.resolve("src/b.sh"))).isTrue();
      assertThat(files.readString(root.resolve("src/a.sh"))).isEqualTo("#!/bin/sh\n");
    }

    assertThat(os.asked)
        .containsOnlyKeys(
            "list src", "lstat a.sh", "readLink latest", "readable b.sh", "readString a.sh");
    assertThat(os.asked.values()).allSatisfy(n -> assertThat(n).hasValue(1));
  }

  @Test
  void aRememberedFailureIsThrownAgainWithItsTypeAndMessage() {
    Counting os = new Counting();
    ContextFiles files = new ContextFiles.Remembering(os);
    Path missing = root.resolve("missing.txt");

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> files.lstat(missing))
          .isInstanceOf(NoSuchFileException.class)
          .hasMessage(missing.toString());
    }
    assertThat(os.times("lstat missing.txt")).isEqualTo(1);
  }

  @Test
  void anUnreadableDirectoryStaysUnreadable() throws IOException {
    ContextFiles denying =
        new ContextFiles.Remembering(
            new Counting() {
              @Override
              public List<String> list(Path directory) throws IOException {
                super.list(directory);
                throw new AccessDeniedException(directory.toString());
              }
            });
    Files.createDirectories(root.resolve("secret"));

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> denying.list(root.resolve("secret")))
          .isInstanceOf(AccessDeniedException.class)
          .hasMessage(root.resolve("secret").toString());
    }
  }

  @Test
  void directAnswersChangeWithTheFiles() throws IOException {
    ContextFiles files = ContextFiles.direct();
    Path p = root.resolve("later.txt");
    assertThatThrownBy(() -> files.lstat(p)).isInstanceOf(NoSuchFileException.class);
    Files.writeString(p, "now");
    assertThat(files.lstat(p).size()).isEqualTo(3);
  }
}
