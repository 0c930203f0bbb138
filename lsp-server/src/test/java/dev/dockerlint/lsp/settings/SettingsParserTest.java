package dev.dockerlint.lsp.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.dockerlint.lsp.settings.ServerSettings.FormatSettings.KeywordCase;
import dev.dockerlint.lsp.settings.ServerSettings.RuleSetting;
import dev.dockerlint.semantic.Platform;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsParserTest {

  private static SettingsParser.Result parse(String json) {
    return SettingsParser.parse(JsonParser.parseString(json));
  }

  private static ServerSettings settings(String json) {
    return ServerSettings.DEFAULTS.with(parse(json).layer());
  }

  @Test
  void readsEveryKeyUnderTheRootKey() {
    ServerSettings s =
        settings(
            "{\"dockerlint\":{\"rules\":{\"DKL4000\":\"error\"},\"ignore\":[\"DL3006\"],"
                + "\"platform\":\"linux/arm64\",\"buildArgs\":{\"V\":\"1\"},\"context\":\"/ctx\","
                + "\"images\":{\"source\":\"none\",\"offline\":true},"
                + "\"format\":{\"keywordCase\":\"lower\",\"continuationIndent\":2,\"jsonArraySpaces\":true},"
                + "\"diagnostics\":{\"debounceMs\":50},\"inlayHints\":{\"enabled\":false}}}");
    assertThat(s.rules())
        .isEqualTo(Map.of("DKL4000", RuleSetting.ERROR, "DL3006", RuleSetting.OFF));
    assertThat(s.platform()).contains(Platform.LINUX_ARM64);
    assertThat(s.buildArgs()).isEqualTo(Map.of("V", "1"));
    assertThat(s.context()).contains(Path.of("/ctx"));
    assertThat(s.images())
        .isEqualTo(
            new ServerSettings.ImageSettings(ServerSettings.ImageSettings.Source.NONE, true));
    assertThat(s.format()).isEqualTo(new ServerSettings.FormatSettings(KeywordCase.LOWER, 2, true));
    assertThat(s.debounceMillis()).isEqualTo(50);
    assertThat(s.inlayHints()).isFalse();
  }

  @Test
  void acceptsTheInnerObjectToo() {
    assertThat(settings("{\"platform\":\"linux/arm64\"}").platform())
        .contains(Platform.LINUX_ARM64);
  }

  @Test
  void badValueFallsBackToTheDefaultWithAWarningNamingTheKey() {
    SettingsParser.Result r = parse("{\"format\":{\"continuationIndent\":\"wide\"}}");
    assertThat(r.layer().continuationIndent()).isEmpty();
    assertThat(r.warnings())
        .singleElement()
        .asString()
        .contains("dockerlint.format.continuationIndent", "using the default");
  }

  @Test
  void badPlatformFallsBackWithAWarning() {
    SettingsParser.Result r = parse("{\"platform\":\"linux/\"}");
    assertThat(r.layer().platform()).isEmpty();
    assertThat(r.warnings()).singleElement().asString().contains("dockerlint.platform");
  }

  @Test
  void badRuleSeverityIsDroppedOthersKept() {
    SettingsParser.Result r = parse("{\"rules\":{\"DKL4000\":\"loud\",\"DKL0003\":\"off\"}}");
    assertThat(r.layer().rules()).isEqualTo(Map.of("DKL0003", RuleSetting.OFF));
    assertThat(r.warnings()).singleElement().asString().contains("dockerlint.rules.DKL4000");
  }

  @Test
  void unknownKeysAreReported() {
    assertThat(parse("{\"colour\":1}").warnings())
        .singleElement()
        .asString()
        .contains("dockerlint.colour");
  }

  @Test
  void nullAndNonObjectsMeanNothingSet() {
    assertThat(SettingsParser.parse(null).layer()).isEqualTo(SettingsLayer.empty());
    assertThat(parse("[1]").layer()).isEqualTo(SettingsLayer.empty());
    assertThat(parse("[1]").warnings()).hasSize(1);
  }

  @Test
  void laterLayersOverrideOnlyWhatTheySet() {
    ServerSettings s =
        ServerSettings.of(
            List.of(
                parse("{\"platform\":\"linux/arm64\",\"format\":{\"continuationIndent\":2}}")
                    .layer(),
                parse("{\"format\":{\"keywordCase\":\"lower\"}}").layer()));
    assertThat(s.platform()).contains(Platform.LINUX_ARM64);
    assertThat(s.format().continuationIndent()).isEqualTo(2);
    assertThat(s.format().keywordCase()).isEqualTo(KeywordCase.LOWER);
  }

  @Test
  void buildOptionsCarryPlatformAndArgs() {
    ServerSettings s = settings("{\"platform\":\"linux/arm64\",\"buildArgs\":{\"A\":\"b\"}}");
    assertThat(s.buildOptions().targetPlatform()).isEqualTo(Platform.LINUX_ARM64);
    assertThat(s.buildOptions().buildArgs()).isEqualTo(Map.of("A", "b"));
    assertThat(s.context()).isEqualTo(Optional.empty());
  }
}
