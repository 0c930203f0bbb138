package dev.dockerlint.config;

import dev.dockerlint.registry.RuleRegistry;
import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.RuleMeta;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.semantic.Platform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of a {@code .dockerlint.yaml} (or a mapped {@code .hadolint.yaml}): which rules are
 * off, severity overrides, the failure threshold, the build's platform and arguments, image
 * metadata settings, trusted registries, the label schema and the output format. Immutable; the
 * engine applies the rule settings ({@link dev.dockerlint.engine.Linter#withConfig}), {@link
 * #applyTo(BuildOptions)} the build settings, and the CLI and the language server the rest.
 *
 * <p>Rule ids may be codes, names or aliases (hadolint {@code DLxxxx} codes, BuildKit check names).
 */
public record Config(
    Optional<Path> source,
    Dialect dialect,
    List<RuleRef> ignore,
    Map<RuleRef, Severity> severity,
    Optional<FailureThreshold> failureThreshold,
    Optional<Platform> platform,
    Map<String, String> buildArgs,
    List<String> trustedRegistries,
    Map<String, String> labelSchema,
    boolean strictLabels,
    Optional<String> imageSource,
    Optional<Boolean> offline,
    List<String> insecureRegistries,
    Optional<Long> imageFilesMaxBytes,
    List<ImageException> imageIgnore,
    Optional<String> format,
    List<String> exclude,
    boolean disableIgnorePragma,
    boolean noFail,
    List<RuleRef> enable,
    ShellcheckMode shellcheck,
    List<ConfigWarning> warnings) {

  /** Which tool's file a configuration was read from. */
  public enum Dialect {
    NONE,
    DOCKERLINT,
    HADOLINT
  }

  public Config {
    ignore = List.copyOf(ignore);
    severity = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(severity));
    buildArgs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(buildArgs));
    trustedRegistries = List.copyOf(trustedRegistries);
    insecureRegistries = List.copyOf(insecureRegistries);
    imageIgnore = List.copyOf(imageIgnore);
    labelSchema = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labelSchema));
    exclude = List.copyOf(exclude);
    enable = List.copyOf(enable);
    warnings = List.copyOf(warnings);
  }

  /**
   * When ShellCheck runs on RUN scripts: {@code AUTO} (the default) when the {@code shellcheck}
   * executable is installed, {@code ON} always (a missing executable is an error), {@code OFF}
   * never.
   */
  public enum ShellcheckMode {
    AUTO,
    ON,
    OFF;

    public static Optional<ShellcheckMode> parse(String s) {
      for (ShellcheckMode m : values()) {
        if (m.name().equalsIgnoreCase(s.trim())) {
          return Optional.of(m);
        }
      }
      return Optional.empty();
    }
  }

  private static final Config NONE = builder().build();

  /** No configuration file: every default. */
  public static Config none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Whether the rule is turned off ({@code ignore:}, or a severity of {@code off}). */
  public boolean ignores(RuleMeta rule) {
    for (RuleRef r : ignore) {
      if (rule.matches(r.id())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a rule that is off by default is turned on: listed under {@code enable:}, or given a
   * severity (hadolint turns its off-by-default rules on that way).
   */
  public boolean enables(RuleMeta rule) {
    for (RuleRef r : enable) {
      if (rule.matches(r.id())) {
        return true;
      }
    }
    for (RuleRef r : severity.keySet()) {
      if (rule.matches(r.id())) {
        return true;
      }
    }
    return false;
  }

  /** The diagnostic with its severity overridden, if the configuration says so. */
  /** Whether an {@code image-ignore} entry accepts {@code d}, a finding about a built image. */
  public boolean ignoresInImage(Diagnostic d) {
    return imageIgnore.stream().anyMatch(e -> e.covers(d));
  }

  public Diagnostic applySeverity(Diagnostic d) {
    for (Map.Entry<RuleRef, Severity> e : severity.entrySet()) {
      if (d.rule().matches(e.getKey().id())) {
        return d.withSeverity(e.getValue());
      }
    }
    return d;
  }

  /** The build settings with this configuration's platform and build arguments under them. */
  public BuildOptions applyTo(BuildOptions options) {
    BuildOptions o = platform.map(options::withTargetPlatform).orElse(options);
    Map<String, String> args = new LinkedHashMap<>(buildArgs);
    args.putAll(options.buildArgs());
    return o.withBuildArgs(args);
  }

  /**
   * Warnings for rule ids that name no rule of {@code registry}, plus those found while reading.
   * hadolint codes ({@code DLxxxx}, {@code SCxxxx}) dockerlint does not implement are not reported:
   * they are valid in a {@code .hadolint.yaml}.
   */
  public List<ConfigWarning> allWarnings(RuleRegistry registry) {
    List<ConfigWarning> out = new ArrayList<>(warnings);
    Path file = source.orElse(Path.of("config"));
    List<RuleRef> ids = new ArrayList<>(ignore);
    ids.addAll(severity.keySet());
    ids.addAll(enable);
    imageIgnore.forEach(e -> ids.addAll(e.rules()));
    for (RuleRef r : ids) {
      if (registry.find(r.id()).isEmpty() && !ForeignRuleIds.isKnown(r.id())) {
        out.add(
            new ConfigWarning(
                file, r.line(), "unknown rule '" + r.id() + "' (see 'dockerlint rules'); ignored"));
      }
    }
    return out;
  }

  /** Builds a {@link Config}. */
  public static final class Builder {
    private Optional<Path> source = Optional.empty();
    private Dialect dialect = Dialect.NONE;
    private final List<RuleRef> ignore = new ArrayList<>();
    private final Map<RuleRef, Severity> severity = new LinkedHashMap<>();
    private Optional<FailureThreshold> failureThreshold = Optional.empty();
    private Optional<Platform> platform = Optional.empty();
    private final Map<String, String> buildArgs = new LinkedHashMap<>();
    private final List<String> trustedRegistries = new ArrayList<>();
    private final Map<String, String> labelSchema = new LinkedHashMap<>();
    private boolean strictLabels;
    private Optional<String> imageSource = Optional.empty();
    private Optional<Boolean> offline = Optional.empty();
    private final List<String> insecureRegistries = new ArrayList<>();
    private Optional<Long> imageFilesMaxBytes = Optional.empty();
    private final List<ImageException> imageIgnore = new ArrayList<>();
    private Optional<String> format = Optional.empty();
    private final List<String> exclude = new ArrayList<>();
    private boolean disableIgnorePragma;
    private boolean noFail;
    private final List<RuleRef> enable = new ArrayList<>();
    private ShellcheckMode shellcheck = ShellcheckMode.AUTO;
    private final List<ConfigWarning> warnings = new ArrayList<>();

    private Builder() {}

    private Builder(Config c) {
      source = c.source;
      dialect = c.dialect;
      ignore.addAll(c.ignore);
      severity.putAll(c.severity);
      failureThreshold = c.failureThreshold;
      platform = c.platform;
      buildArgs.putAll(c.buildArgs);
      trustedRegistries.addAll(c.trustedRegistries);
      labelSchema.putAll(c.labelSchema);
      strictLabels = c.strictLabels;
      imageSource = c.imageSource;
      offline = c.offline;
      insecureRegistries.addAll(c.insecureRegistries);
      imageFilesMaxBytes = c.imageFilesMaxBytes;
      imageIgnore.addAll(c.imageIgnore);
      format = c.format;
      exclude.addAll(c.exclude);
      disableIgnorePragma = c.disableIgnorePragma;
      noFail = c.noFail;
      enable.addAll(c.enable);
      shellcheck = c.shellcheck;
      warnings.addAll(c.warnings);
    }

    public Builder source(Path p, Dialect d) {
      source = Optional.of(p);
      dialect = d;
      return this;
    }

    public Builder ignore(RuleRef r) {
      ignore.add(r);
      return this;
    }

    public Builder severity(RuleRef r, Severity s) {
      severity.put(r, s);
      return this;
    }

    public Builder failureThreshold(FailureThreshold t) {
      failureThreshold = Optional.of(t);
      return this;
    }

    public Builder platform(Platform p) {
      platform = Optional.of(p);
      return this;
    }

    public Builder buildArg(String k, String v) {
      buildArgs.put(k, v);
      return this;
    }

    public Builder trustedRegistry(String r) {
      trustedRegistries.add(r);
      return this;
    }

    public Builder label(String name, String type) {
      labelSchema.put(name, type);
      return this;
    }

    public Builder strictLabels(boolean b) {
      strictLabels = b;
      return this;
    }

    public Builder imageSource(String s) {
      imageSource = Optional.of(s);
      return this;
    }

    public Builder offline(boolean b) {
      offline = Optional.of(b);
      return this;
    }

    public Builder insecureRegistry(String hostPort) {
      insecureRegistries.add(hostPort);
      return this;
    }

    public Builder imageFilesMaxBytes(long bytes) {
      imageFilesMaxBytes = Optional.of(bytes);
      return this;
    }

    public Builder imageIgnore(ImageException e) {
      imageIgnore.add(e);
      return this;
    }

    public Builder format(String f) {
      format = Optional.of(f);
      return this;
    }

    public Builder exclude(String pattern) {
      exclude.add(pattern);
      return this;
    }

    public Builder disableIgnorePragma(boolean b) {
      disableIgnorePragma = b;
      return this;
    }

    public Builder noFail(boolean b) {
      noFail = b;
      return this;
    }

    public Builder enable(RuleRef r) {
      enable.add(r);
      return this;
    }

    public Builder shellcheck(ShellcheckMode m) {
      shellcheck = m;
      return this;
    }

    public Builder warning(ConfigWarning w) {
      warnings.add(w);
      return this;
    }

    public Config build() {
      return new Config(
          source,
          dialect,
          ignore,
          severity,
          failureThreshold,
          platform,
          buildArgs,
          trustedRegistries,
          labelSchema,
          strictLabels,
          imageSource,
          offline,
          insecureRegistries,
          imageFilesMaxBytes,
          imageIgnore,
          format,
          exclude,
          disableIgnorePragma,
          noFail,
          enable,
          shellcheck,
          warnings);
    }
  }
}
