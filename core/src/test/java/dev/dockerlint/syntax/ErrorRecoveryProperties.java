package dev.dockerlint.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Damaged Dockerfiles (lines deleted, duplicated, truncated, joined) never make the parser throw
 * and always give a tree: the editor keeps working while a line is half typed.
 */
class ErrorRecoveryProperties {

  private static final List<String> CORPUS = load();

  private static List<String> load() {
    try (Stream<Path> s = Files.walk(SharedData.corpus("real"))) {
      List<String> out = new ArrayList<>();
      for (Path p :
          s.filter(Files::isRegularFile)
              .filter(p -> !p.toString().endsWith(".tsv"))
              .sorted()
              .toList()) {
        out.add(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  enum Damage {
    DELETE_LINE,
    DUPLICATE_LINE,
    TRUNCATE_LINE,
    TRUNCATE_FILE,
    JOIN_LINES,
    INSERT_NOISE
  }

  record Mutation(int file, Damage damage, int line, int column, String noise) {}

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<Mutation> one =
        Combinators.combine(
                Arbitraries.integers().between(0, CORPUS.size() - 1),
                Arbitraries.of(Damage.class),
                Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(0, 200),
                Arbitraries.of(
                    "[", "\"", "\\", "`", "<<EOF", "--", "${", "#", "\r", "\uFEFF", "FROM", "=",
                    "]", "'"))
            .as(Mutation::new);
    return one.list().ofMinSize(1).ofMaxSize(4);
  }

  @Property(tries = 400)
  void damagedFilesAlwaysParse(@ForAll("mutations") List<Mutation> mutations) {
    String text = CORPUS.get(mutations.get(0).file());
    for (Mutation m : mutations) {
      text = apply(text, m);
    }
    Dockerfile f = DockerfileReader.parse(text);
    assertThat(f).isNotNull();
    assertThat(f.instructions().size() + f.problems().size()).isPositive();
    SourceText src = f.source();
    for (Instruction i : f.instructions()) {
      assertThat(src.position(src.offset(i.range().start()))).isEqualTo(i.range().start());
      assertThat(src.position(src.offset(i.range().end()))).isEqualTo(i.range().end());
      assertThat(i.range().start()).isLessThanOrEqualTo(i.range().end());
    }
    SemanticModel.of(f, BuildOptions.defaults());
  }

  private static String apply(String text, Mutation m) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    int i = m.line() % lines.size();
    switch (m.damage()) {
      case DELETE_LINE -> lines.remove(i);
      case DUPLICATE_LINE -> lines.add(i, lines.get(i));
      case TRUNCATE_LINE ->
          lines.set(i, lines.get(i).substring(0, Math.min(m.column(), lines.get(i).length())));
      case TRUNCATE_FILE -> {
        return text.substring(0, (int) ((long) m.line() * text.length() / 10_000));
      }
      case JOIN_LINES -> {
        if (i + 1 < lines.size()) {
          lines.set(i, lines.get(i) + lines.remove(i + 1));
        }
      }
      case INSERT_NOISE -> {
        String l = lines.get(i);
        int c = Math.min(m.column(), l.length());
        lines.set(i, l.substring(0, c) + m.noise() + l.substring(c));
      }
    }
    return String.join("\n", lines);
  }
}
