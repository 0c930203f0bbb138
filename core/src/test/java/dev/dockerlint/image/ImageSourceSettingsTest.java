package dev.dockerlint.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImageSourceSettingsTest {

  @Test
  void settingsObjectsSetEveryImageOption() {
    List<String> warnings = new ArrayList<>();
    ImageSourceSettings s =
        ImageSourceSettings.fromSettings(
            Map.of(
                "imageSource",
                "registry",
                "offline",
                true,
                "insecureRegistries",
                List.of("registry.local:5000"),
                "imageFilesMaxBytes",
                1000),
            warnings);
    assertThat(warnings).isEmpty();
    assertThat(s.mode()).isEqualTo(ImageSourceSettings.Mode.REGISTRY);
    assertThat(s.offline()).isTrue();
    assertThat(s.insecureRegistries()).isEqualTo(Set.of("registry.local:5000"));
    assertThat(s.filesMaxBytes()).isEqualTo(1000);
  }

  @Test
  void badValuesKeepTheDefaultsAndNameTheKey() {
    List<String> warnings = new ArrayList<>();
    ImageSourceSettings s =
        ImageSourceSettings.fromSettings(
            Map.of("imageSource", "hub", "offline", "yes", "imageFilesMaxBytes", -1), warnings);
    assertThat(s).isEqualTo(ImageSourceSettings.defaults());
    assertThat(warnings)
        .anyMatch(w -> w.startsWith("imageSource:"))
        .anyMatch(w -> w.startsWith("offline:"))
        .anyMatch(w -> w.startsWith("imageFilesMaxBytes:"));
  }
}
