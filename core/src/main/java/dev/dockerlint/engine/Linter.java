package dev.dockerlint.engine;

import dev.dockerlint.config.Config;
import dev.dockerlint.context.ContextFiles;
import dev.dockerlint.image.ImageMetadataSource;
import dev.dockerlint.image.MemoizingSource;
import dev.dockerlint.registry.RuleRegistry;
import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.LintInput;
import dev.dockerlint.rules.LintMemo;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleMeta;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.syntax.Dockerfile;
import dev.dockerlint.syntax.DockerfileReader;
import dev.dockerlint.syntax.Instruction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * Parse, build the semantic model, run every enabled rule the configuration does not turn off, drop
 * suppressed findings, report unused or unknown suppressions, apply severity overrides, sort. A
 * rule that throws becomes one {@code DKL0000 internal-error} diagnostic; the other rules still
 * run. Immutable and thread-safe.
 */
public final class Linter {
  private final RuleRegistry registry;
  private final Config config;
  private final ContextFiles contextFiles;
  private final Helpers helpers;
  private final int helpedFrom;

  public Linter(RuleRegistry registry) {
    this(registry, Config.none());
  }

  public Linter(RuleRegistry registry, Config config) {
    this(registry, config, ContextFiles.direct(), Helpers.NONE, HELPED_FROM);
  }

  private Linter(
      RuleRegistry registry,
      Config config,
      ContextFiles contextFiles,
      Helpers helpers,
      int helpedFrom) {
    this.registry = registry;
    this.config = config;
    this.contextFiles = contextFiles;
    this.helpers = helpers;
    this.helpedFrom = helpedFrom;
  }

  /** This linter with the rule settings of {@code c} (ignore, severity, ignore pragmas). */
  public Linter withConfig(Config c) {
    return c == config ? this : new Linter(registry, c, contextFiles, helpers, helpedFrom);
  }

  /**
   * The fewest instructions a file has for {@link #withRuleThreads} to share its rules out. A small
   * file's lint takes a millisecond or two, of which waking another thread and sharing the values
   * the rules derive would save little; from a few hundred lines on it pays (language server, a
   * keystroke's p50: 500 lines 3.9 ms against 4.9, 2,000 lines 9.8 against 14.9).
   */
  static final int HELPED_FROM = 200;

  /**
   * This linter running the rules of a lint on the calling thread and on up to {@code count}
   * threads of {@code executor} at once, for files of {@value #HELPED_FROM} instructions or more
   * (the language server, which lints one file at a time and wants its findings soon; a run over
   * many files lints them in parallel instead). The rules of a lint share what they derive from the
   * file (see {@link LintInput#shared}), each value computed once; the report is the same as with
   * one thread.
   */
  public Linter withRuleThreads(Executor executor, int count) {
    return withRuleThreads(executor, count, HELPED_FROM);
  }

  /**
   * As {@link #withRuleThreads(Executor, int)}, for files of {@code fromInstructions} instructions
   * or more.
   */
  public Linter withRuleThreads(Executor executor, int count, int fromInstructions) {
    return new Linter(
        registry, config, contextFiles, Helpers.of(executor, count), fromInstructions);
  }

  /**
   * This linter reading build contexts through {@code files}: {@link ContextFiles#remembering()}
   * for a run over many files that lints a snapshot.
   */
  public Linter withContextFiles(ContextFiles files) {
    return new Linter(registry, config, files, helpers, helpedFrom);
  }

  public Config config() {
    return config;
  }

  public static Linter builtIn() {
    return new Linter(RuleRegistry.builtIn());
  }

  public RuleRegistry registry() {
    return registry;
  }

  /** Lints Dockerfile text; {@code contextDir} is the build context when known. */
  public Report lint(String path, String text, BuildOptions options, Optional<Path> contextDir) {
    return lint(path, text, options, contextDir, ImageMetadataSource.none("no image source"));
  }

  /** Lints Dockerfile text with facts about base images from {@code images}. */
  public Report lint(
      String path,
      String text,
      BuildOptions options,
      Optional<Path> contextDir,
      ImageMetadataSource images) {
    Dockerfile file = DockerfileReader.parse(text);
    return lint(
        path, SemanticModel.of(file, options), contextDir, images, RuleMeta::enabledByDefault);
  }

  /**
   * Lints an already parsed file with the rules {@code selected} accepts or the configuration or
   * the file's {@code check=experimental=} turns on, and the configuration does not turn off (the
   * language server reuses the tree and model it keeps per document, and honours rules turned on or
   * off in its settings).
   */
  public Report lint(
      String path,
      SemanticModel model,
      Optional<Path> contextDir,
      ImageMetadataSource images,
      Predicate<RuleMeta> selected) {
    return lint(path, model, contextDir, images, selected, LintMemo.none());
  }

  /**
   * Lints an already parsed file as {@link #lint(String, SemanticModel, Optional,
   * ImageMetadataSource, Predicate)} does, reusing what earlier lints of the same document left in
   * {@code memo}.
   */
  public Report lint(
      String path,
      SemanticModel model,
      Optional<Path> contextDir,
      ImageMetadataSource images,
      Predicate<RuleMeta> selected,
      LintMemo memo) {
    Dockerfile file = model.file();
    memo.nextLint();
    LintInput input =
        new LintInput(
            path,
            file,
            model,
            contextDir,
            new MemoizingSource(images),
            new LintInput.Shared(memo),
            contextFiles);
    CheckOptions checks = CheckOptions.of(file, model.options());
    Map<Instruction, CheckOptions> localChecks = CheckOptions.perInstruction(file);
    Predicate<RuleMeta> on = m -> selected.test(m) || config.enables(m) || checks.enables(m);
    Predicate<RuleMeta> runs =
        m ->
            !config.ignores(m)
                && (on.test(m) || localChecks.values().stream().anyMatch(o -> o.enables(m)));
    List<RuleRegistry.Entry> first = new ArrayList<>();
    List<RuleRegistry.Entry> last = new ArrayList<>();
    for (RuleRegistry.Entry e : registry.entries()) {
      if (runs.test(e.meta())) {
        (e.rule().runsLast() ? last : first).add(e);
      }
    }
    List<Diagnostic> out = new ArrayList<>();
    Helpers help = file.instructions().size() < helpedFrom ? Helpers.NONE : helpers;
    for (List<RuleRegistry.Entry> group : List.of(first, last)) {
      for (List<Diagnostic> found : help.map(group, e -> check(e, input, on, localChecks))) {
        out.addAll(found);
      }
    }
    Suppressions suppressions =
        config.disableIgnorePragma() ? Suppressions.none() : Suppressions.of(file, model.options());
    List<Diagnostic> kept = new ArrayList<>();
    for (Diagnostic d : out) {
      if (!suppressions.suppresses(d) && !config.ignores(d.rule())) {
        kept.add(buildkitError(config.applySeverity(d), checks));
      }
    }
    for (Diagnostic d : suppressions.problems(file, registry, m -> runs.test(m) && ran(m))) {
      if (!config.ignores(d.rule()) && !suppressions.suppresses(d)) {
        kept.add(config.applySeverity(d));
      }
    }
    kept.sort(
        Comparator.comparing((Diagnostic d) -> d.range().start())
            .thenComparing(d -> d.rule().code()));
    return new Report(path, file, model, kept);
  }

  /**
   * What one rule finds where it is enabled (see {@link #enabledAt}); a rule that throws finds one
   * internal error.
   */
  private List<Diagnostic> check(
      RuleRegistry.Entry e,
      LintInput input,
      Predicate<RuleMeta> on,
      Map<Instruction, CheckOptions> localChecks) {
    RuleMeta meta = e.meta();
    Dockerfile file = input.file();
    List<Diagnostic> found = new ArrayList<>();
    try {
      if (e.rule() instanceof StageRule r) {
        StageChecks.check(r, meta, input, config, found::add);
      } else {
        e.rule().check(new RuleContext(meta, input, found::add, config));
      }
      found.removeIf(d -> !enabledAt(d, file, on, localChecks));
      return found;
    } catch (RuntimeException | StackOverflowError ex) {
      return List.of(
          Diagnostic.of(
              RuleRegistry.INTERNAL_ERROR,
              Finding.of(
                  file.source().range(0, 0),
                  "internal error in " + meta.code() + " " + meta.name() + ": " + ex)));
    }
  }

  /**
   * An experimental check turned on only by the comment above some instructions reports only there.
   */
  private static boolean enabledAt(
      Diagnostic d,
      Dockerfile file,
      Predicate<RuleMeta> on,
      Map<Instruction, CheckOptions> localChecks) {
    RuleMeta meta = d.rule();
    if (on.test(meta)) {
      return true;
    }
    Optional<Instruction> at = file.instructionAt(d.range().start());
    return at.map(localChecks::get).filter(o -> o.enables(meta)).isPresent();
  }

  /** With {@code # check=error=true} a BuildKit check's finding fails the build: an error. */
  private static Diagnostic buildkitError(Diagnostic d, CheckOptions checks) {
    return checks.error() && d.rule().buildkitCheck().isPresent()
        ? d.withSeverity(Severity.ERROR)
        : d;
  }

  /** Whether the rule is one this linter runs (not a rule of a registry it does not have). */
  private boolean ran(RuleMeta m) {
    for (RuleRegistry.Entry e : registry.entries()) {
      if (e.meta().code().equals(m.code())) {
        return true;
      }
    }
    return false;
  }
}
