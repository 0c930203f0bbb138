package dev.dockerlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.engine.Linter;
import dev.dockerlint.engine.Report;
import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.semantic.Platform;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.shellcheck.ShellcheckRequest;
import dev.dockerlint.shellcheck.ShellcheckRunner;
import dev.dockerlint.shellcheck.ShellcheckScripts;
import dev.dockerlint.syntax.Dockerfile;
import dev.dockerlint.syntax.DockerfileReader;
import dev.dockerlint.testing.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Real-world Dockerfiles get no error-severity diagnostic, except the ones listed with the reason
 * they really fail in {@code src/test/resources/corpus-known-errors.tsv} ({@code
 * path<TAB>code<TAB>reason}). The corpus comes without build contexts, so nothing may be concluded
 * about files that are not there. Prints the number of findings per rule.
 */
class CorpusLintTest {

  @Test
  void realDockerfilesHaveNoUnexplainedErrors() throws IOException {
    lintCorpus("without a build context", p -> Optional.empty());
  }

  /** As the CLI lints them: the Dockerfile's folder is the context (where sources are missing). */
  @Test
  void realDockerfilesWithTheirFolderAsContextHaveNoUnexplainedErrors() throws IOException {
    lintCorpus("with their folder as build context", p -> Optional.of(p.getParent()));
  }

  /**
   * The language server runs the rules of a lint on several threads: every file gets the very
   * report one thread gives it, in the same order.
   */
  @Test
  void rulesOnSeveralThreadsReportWhatOneThreadReports() throws IOException {
    Path root = SharedData.corpus("real");
    BuildOptions options =
        new BuildOptions(Platform.LINUX_AMD64, Platform.LINUX_AMD64, Map.of(), Optional.empty());
    List<Path> files = corpusFiles(root);
    prefetchShellcheck(files, options);
    Linter one = Linter.builtIn();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Linter several = one.withRuleThreads(pool, 3, 0);
      int findings = 0;
      for (Path p : files) {
        String text = Files.readString(p, StandardCharsets.UTF_8);
        String name = root.relativize(p).toString();
        List<String> expected = lines(one.lint(name, text, options, Optional.of(p.getParent())));
        assertThat(lines(several.lint(name, text, options, Optional.of(p.getParent()))))
            .as(name)
            .isEqualTo(expected);
        findings += expected.size();
      }
      assertThat(findings).isGreaterThan(files.size());
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<String> lines(Report r) {
    return r.diagnostics().stream()
        .map(d -> d.range() + " " + d.rule().code() + " " + d.severity() + " " + d.message())
        .toList();
  }

  private static List<Path> corpusFiles(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !p.toString().endsWith(".tsv"))
          .sorted()
          .toList();
    }
  }

  /** ShellCheck checks all scripts in batches first, as the command line does. */
  private static void prefetchShellcheck(List<Path> files, BuildOptions options)
      throws IOException {
    List<ShellcheckRequest> requests = new ArrayList<>();
    for (Path p : files) {
      Dockerfile f = DockerfileReader.parse(Files.readString(p, StandardCharsets.UTF_8));
      requests.addAll(ShellcheckScripts.requests(SemanticModel.of(f, options)));
    }
    ShellcheckRunner.shared().prefetch(requests);
  }

  private static void lintCorpus(String how, Function<Path, Optional<Path>> context)
      throws IOException {
    Path root = SharedData.corpus("real");
    Map<String, String> known = knownErrors();
    BuildOptions options =
        new BuildOptions(Platform.LINUX_AMD64, Platform.LINUX_AMD64, Map.of(), Optional.empty());
    Linter linter = Linter.builtIn();
    Map<String, Integer> perRule = new TreeMap<>();
    List<String> unexplained = new ArrayList<>();
    List<Path> files = corpusFiles(root);
    prefetchShellcheck(files, options);
    for (Path p : files) {
      String name = root.relativize(p).toString();
      Report r =
          linter.lint(name, Files.readString(p, StandardCharsets.UTF_8), options, context.apply(p));
      for (Diagnostic d : r.diagnostics()) {
        perRule.merge(
            d.rule().code() + " " + d.rule().name() + " (" + d.severity().id() + ")",
            1,
            Integer::sum);
        if (d.severity() == Severity.ERROR && !known.containsKey(name + "\t" + d.rule().code())) {
          unexplained.add(
              name
                  + ":"
                  + (d.range().start().line() + 1)
                  + " "
                  + d.rule().code()
                  + " "
                  + d.message());
        }
      }
    }
    System.out.println("Findings per rule over " + files.size() + " corpus files " + how + ":");
    perRule.forEach((k, v) -> System.out.printf("  %6d  %s%n", v, k));
    assertThat(unexplained).isEmpty();
  }

  private static Map<String, String> knownErrors() throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (InputStream in = CorpusLintTest.class.getResourceAsStream("/corpus-known-errors.tsv")) {
      if (in == null) {
        return out;
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        if (f.length < 3 || f[2].isBlank()) {
          throw new IllegalStateException(
              "corpus-known-errors.tsv needs path, code and reason: " + line);
        }
        out.put(f[0] + "\t" + f[1], f[2]);
      }
    }
    return out;
  }
}
