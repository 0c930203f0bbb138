package dev.dockerlint.rules;

import dev.dockerlint.config.Config;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.syntax.Dockerfile;
import dev.dockerlint.syntax.Range;
import java.util.List;
import java.util.function.Consumer;

/** What a rule sees of one file, and where it reports. */
public final class RuleContext {
  private final RuleMeta meta;
  private final LintInput input;
  private final Consumer<Diagnostic> sink;
  private final Config config;

  public RuleContext(RuleMeta meta, LintInput input, Consumer<Diagnostic> sink) {
    this(meta, input, sink, Config.none());
  }

  public RuleContext(RuleMeta meta, LintInput input, Consumer<Diagnostic> sink, Config config) {
    this.meta = meta;
    this.input = input;
    this.sink = sink;
    this.config = config;
  }

  /**
   * The configuration of this run, for rules that take settings from it (trusted registries, the
   * label schema, ShellCheck).
   */
  public Config config() {
    return config;
  }

  public Dockerfile file() {
    return input.file();
  }

  public SemanticModel model() {
    return input.model();
  }

  public LintInput input() {
    return input;
  }

  public RuleMeta meta() {
    return meta;
  }

  public void report(Finding f) {
    sink.accept(Diagnostic.of(meta, f));
  }

  /**
   * Reports a finding that also answers to more names: a ShellCheck finding is the ShellCheck
   * rule's, and suppressions and the configuration can name it by its SC code.
   */
  public void report(Finding f, List<String> moreAliases) {
    sink.accept(Diagnostic.of(meta.withMoreAliases(moreAliases), f));
  }

  public void report(Range range, String message) {
    report(Finding.of(range, message));
  }
}
