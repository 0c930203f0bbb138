package dev.dockerlint.benchmarks;

import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.syntax.Dockerfile;
import dev.dockerlint.syntax.DockerfileReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse and semantic model over the whole real corpus, on one thread. The score is files per second
 * ({@code @OperationsPerInvocation} = the corpus size); MB/s is that times the corpus's average
 * file size, which the setup prints.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CorpusParseBenchmark {
  static final int CORPUS_FILES = 1193;

  List<String> texts;

  @Setup(Level.Trial)
  public void load() throws IOException {
    Path corpus = Path.of(System.getProperty("dockerlint.corpus", "../shared/corpus/real"));
    texts = new ArrayList<>();
    long bytes = 0;
    try (Stream<Path> s = Files.walk(corpus)) {
      for (Path p :
          s.filter(Files::isRegularFile)
              .filter(p -> !p.toString().endsWith(".tsv"))
              .sorted()
              .toList()) {
        byte[] b = Files.readAllBytes(p);
        bytes += b.length;
        texts.add(new String(b, StandardCharsets.UTF_8));
      }
    }
    if (texts.size() != CORPUS_FILES) {
      throw new IllegalStateException(
          "expected " + CORPUS_FILES + " corpus files in " + corpus + ", found " + texts.size());
    }
    System.out.printf(
        "%ncorpus: %d files, %d bytes (%.1f bytes per file)%n",
        texts.size(), bytes, (double) bytes / texts.size());
  }

  @Benchmark
  @OperationsPerInvocation(CORPUS_FILES)
  public void parse(Blackhole bh) {
    for (String t : texts) {
      bh.consume(DockerfileReader.parse(t));
    }
  }

  @Benchmark
  @OperationsPerInvocation(CORPUS_FILES)
  public void parseAndModel(Blackhole bh) {
    BuildOptions o = BuildOptions.defaults();
    for (String t : texts) {
      Dockerfile f = DockerfileReader.parse(t);
      bh.consume(SemanticModel.of(f, o));
    }
  }
}
