package dev.dockerlint.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The real Dockerfiles of the shared corpus, in path order, for tests that run over many. */
public final class Corpus {
  private Corpus() {}

  /** Every file of the corpus (none missing: the corpus is part of the test data). */
  public static List<Path> files() throws IOException {
    Path dir = Path.of(System.getProperty("dockerlint.shared", "../shared"), "corpus", "real");
    try (Stream<Path> all = Files.walk(dir)) {
      List<Path> files =
          all.filter(Files::isRegularFile)
              .filter(f -> !f.getFileName().toString().equals("MANIFEST.tsv"))
              .sorted()
              .toList();
      assertThat(files).as("the corpus in %s", dir).isNotEmpty();
      return files;
    }
  }

  /** Every {@code n}th file of the corpus, from the first. */
  public static List<Path> every(int n) throws IOException {
    List<Path> all = files();
    List<Path> out = new ArrayList<>();
    for (int k = 0; k < all.size(); k += n) {
      out.add(all.get(k));
    }
    return out;
  }
}
