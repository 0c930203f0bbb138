package dev.dockerlint.lsp.settings;

import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.RuleMeta;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.semantic.Platform;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the language server is told under the {@code dockerlint} key: immutable, passed to
 * every provider call, never kept in a static. Built from {@link SettingsLayer}s in order
 * (defaults, then a future {@code .dockerlint.yaml} layer, then the client's initializationOptions
 * and didChangeConfiguration), so a later layer overrides only the keys it sets.
 *
 * @param rules per rule id (code, name or alias): {@link RuleSetting#OFF} or a severity
 * @param platform the target platform ({@code --platform}); empty means this machine's
 * @param buildArgs build arguments ({@code --build-arg})
 * @param context the build context directory; empty means the Dockerfile's folder
 * @param images where image facts come from
 * @param format formatting options
 * @param debounceMillis how long to wait after an edit before linting (edits that arrive while a
 *     lint runs are always coalesced into one)
 * @param inlayHints whether inlay hints are shown
 */
public record ServerSettings(
    Map<String, RuleSetting> rules,
    Optional<Platform> platform,
    Map<String, String> buildArgs,
    Optional<Path> context,
    ImageSettings images,
    FormatSettings format,
    int debounceMillis,
    boolean inlayHints) {

  public ServerSettings {
    rules = Map.copyOf(rules);
    buildArgs = Map.copyOf(buildArgs);
  }

  public static final ServerSettings DEFAULTS =
      new ServerSettings(
          Map.of(),
          Optional.empty(),
          Map.of(),
          Optional.empty(),
          new ImageSettings(ImageSettings.Source.AUTO, false),
          new FormatSettings(FormatSettings.KeywordCase.UPPER, 4, false),
          0,
          true);

  /** A rule turned off, or its severity changed. */
  public enum RuleSetting {
    OFF,
    ON,
    ERROR,
    WARNING,
    INFO,
    STYLE;

    Optional<Severity> severity() {
      return switch (this) {
        case ERROR -> Optional.of(Severity.ERROR);
        case WARNING -> Optional.of(Severity.WARNING);
        case INFO -> Optional.of(Severity.INFO);
        case STYLE -> Optional.of(Severity.STYLE);
        default -> Optional.empty();
      };
    }
  }

  /**
   * Where base image facts come from.
   *
   * @param source {@code auto} asks the sources the server was started with; {@code none} never
   *     looks images up
   * @param offline no registry look-ups (a local daemon and the cache still answer)
   */
  public record ImageSettings(Source source, boolean offline) {
    /** Which image sources to ask. */
    public enum Source {
      AUTO,
      NONE
    }
  }

  /**
   * How the formatter writes instructions.
   *
   * @param keywordCase upper (the reference's style), lower, or as written
   * @param continuationIndent spaces before each continuation line
   * @param jsonArraySpaces whether exec-form arrays get spaces inside the brackets ({@code [ "a"
   *     ]})
   */
  public record FormatSettings(
      KeywordCase keywordCase, int continuationIndent, boolean jsonArraySpaces) {
    /** The case of instruction keywords. */
    public enum KeywordCase {
      UPPER,
      LOWER,
      PRESERVE
    }
  }

  /** These settings with {@code layer}'s keys applied on top. */
  public ServerSettings with(SettingsLayer layer) {
    Map<String, RuleSetting> r = new LinkedHashMap<>(rules);
    r.putAll(layer.rules());
    Map<String, String> args = new LinkedHashMap<>(buildArgs);
    args.putAll(layer.buildArgs());
    return new ServerSettings(
        r,
        layer.platform().or(() -> platform),
        args,
        layer.context().or(() -> context),
        new ImageSettings(
            layer.imageSource().orElse(images.source()), layer.offline().orElse(images.offline())),
        new FormatSettings(
            layer.keywordCase().orElse(format.keywordCase()),
            layer.continuationIndent().orElse(format.continuationIndent()),
            layer.jsonArraySpaces().orElse(format.jsonArraySpaces())),
        layer.debounceMillis().orElse(debounceMillis),
        layer.inlayHints().orElse(inlayHints));
  }

  /** The settings after applying every layer in order. */
  public static ServerSettings of(List<SettingsLayer> layers) {
    ServerSettings s = DEFAULTS;
    for (SettingsLayer l : layers) {
      s = s.with(l);
    }
    return s;
  }

  /** The build the server lints for. */
  public BuildOptions buildOptions() {
    BuildOptions o = BuildOptions.defaults().withBuildArgs(buildArgs);
    return platform.map(o::withTargetPlatform).orElse(o);
  }

  private Optional<RuleSetting> settingFor(RuleMeta rule) {
    for (Map.Entry<String, RuleSetting> e : rules.entrySet()) {
      if (rule.matches(e.getKey())) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /** Whether a rule runs: on by default unless turned off, or turned on by a setting. */
  public boolean enabled(RuleMeta rule) {
    return settingFor(rule).map(s -> s != RuleSetting.OFF).orElse(rule.enabledByDefault());
  }

  /** The diagnostic with its severity as configured. */
  public Diagnostic adjust(Diagnostic d) {
    return settingFor(d.rule()).flatMap(RuleSetting::severity).map(d::withSeverity).orElse(d);
  }
}
