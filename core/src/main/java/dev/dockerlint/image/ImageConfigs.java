package dev.dockerlint.image;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code config} object of an image config (OCI image spec) or of {@code docker image
 * inspect}: both use the same keys ({@code Env}, {@code Entrypoint}, {@code Cmd}, {@code Shell},
 * {@code User}, {@code WorkingDir}, {@code Labels}).
 */
public final class ImageConfigs {
  private ImageConfigs() {}

  /** The config from its JSON object; missing or null keys are empty. */
  public static ImageConfig fromJson(JsonNode config) {
    if (config == null || !config.isObject()) {
      return ImageConfig.empty();
    }
    Map<String, String> labels = new LinkedHashMap<>();
    JsonNode l = config.get("Labels");
    if (l != null && l.isObject()) {
      l.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    }
    return new ImageConfig(
        strings(config.get("Env")).orElse(List.of()),
        strings(config.get("Entrypoint")),
        strings(config.get("Cmd")),
        strings(config.get("Shell")),
        text(config.get("User")),
        text(config.get("WorkingDir")),
        labels);
  }

  private static Optional<List<String>> strings(JsonNode n) {
    if (n == null || !n.isArray()) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>();
    n.forEach(x -> out.add(x.asText()));
    return Optional.of(out);
  }

  private static Optional<String> text(JsonNode n) {
    return n == null || n.isNull() || n.asText().isEmpty()
        ? Optional.empty()
        : Optional.of(n.asText());
  }

  /** The platform a config JSON declares ({@code os}, {@code architecture}, {@code variant}). */
  public static dev.dockerlint.semantic.Platform platformOf(
      JsonNode root, String osKey, String archKey, String variantKey) {
    String os = root.path(osKey).asText("linux");
    String arch = root.path(archKey).asText("");
    String variant = root.path(variantKey).asText("");
    return new dev.dockerlint.semantic.Platform(
        os.isEmpty() ? "linux" : os,
        arch.isEmpty() ? "unknown" : arch,
        variant.isEmpty() ? Optional.empty() : Optional.of(variant));
  }
}
