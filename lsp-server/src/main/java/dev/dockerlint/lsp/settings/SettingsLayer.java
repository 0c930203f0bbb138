package dev.dockerlint.lsp.settings;

import dev.dockerlint.lsp.settings.ServerSettings.FormatSettings.KeywordCase;
import dev.dockerlint.lsp.settings.ServerSettings.ImageSettings.Source;
import dev.dockerlint.lsp.settings.ServerSettings.RuleSetting;
import dev.dockerlint.semantic.Platform;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The settings one source states (the client, and later a config file); absent keys leave the
 * layers below in force. See {@link ServerSettings} for what each key means.
 */
public record SettingsLayer(
    Map<String, RuleSetting> rules,
    Optional<Platform> platform,
    Map<String, String> buildArgs,
    Optional<Path> context,
    Optional<Source> imageSource,
    Optional<Boolean> offline,
    Optional<KeywordCase> keywordCase,
    Optional<Integer> continuationIndent,
    Optional<Boolean> jsonArraySpaces,
    Optional<Integer> debounceMillis,
    Optional<Boolean> inlayHints) {

  public SettingsLayer {
    rules = Map.copyOf(rules);
    buildArgs = Map.copyOf(buildArgs);
  }

  /** A layer that sets nothing. */
  public static SettingsLayer empty() {
    return new SettingsLayer(
        Map.of(),
        Optional.empty(),
        Map.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
