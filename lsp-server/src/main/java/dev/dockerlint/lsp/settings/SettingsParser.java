package dev.dockerlint.lsp.settings;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.dockerlint.lsp.settings.ServerSettings.FormatSettings.KeywordCase;
import dev.dockerlint.lsp.settings.ServerSettings.ImageSettings.Source;
import dev.dockerlint.lsp.settings.ServerSettings.RuleSetting;
import dev.dockerlint.semantic.Platform;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code dockerlint} settings object that a client sends (as initializationOptions or in
 * didChangeConfiguration) into a {@link SettingsLayer}. It never fails: a value of the wrong type
 * or out of range is dropped, so the default stays in force, and a warning names the key.
 */
public final class SettingsParser {

  /** The root key of every setting. */
  public static final String ROOT = "dockerlint";

  private static final Set<String> KNOWN =
      Set.of(
          "rules",
          "ignore",
          "platform",
          "buildArgs",
          "context",
          "images",
          "format",
          "diagnostics",
          "inlayHints");

  /** The layer and the warnings about values that were ignored. */
  public record Result(SettingsLayer layer, List<String> warnings) {
    public Result {
      warnings = List.copyOf(warnings);
    }
  }

  private final List<String> warnings = new ArrayList<>();

  private SettingsParser() {}

  /**
   * Parses settings sent by a client: either {@code {"dockerlint": {...}}} or the inner object
   * itself. {@code null} or a JSON null mean "nothing set".
   */
  public static Result parse(Object settings) {
    SettingsParser p = new SettingsParser();
    SettingsLayer layer = p.root(settings);
    return new Result(layer, p.warnings);
  }

  private SettingsLayer root(Object settings) {
    if (!(settings instanceof JsonElement json) || json.isJsonNull()) {
      return SettingsLayer.empty();
    }
    if (!json.isJsonObject()) {
      warn(ROOT, "expected an object", json);
      return SettingsLayer.empty();
    }
    JsonObject o = json.getAsJsonObject();
    if (o.has(ROOT)) {
      JsonElement inner = o.get(ROOT);
      if (inner.isJsonNull()) {
        return SettingsLayer.empty();
      }
      if (!inner.isJsonObject()) {
        warn(ROOT, "expected an object", inner);
        return SettingsLayer.empty();
      }
      o = inner.getAsJsonObject();
    }
    for (String k : o.keySet()) {
      if (!KNOWN.contains(k)) {
        warnings.add("unknown setting '" + ROOT + "." + k + "' ignored");
      }
    }
    Map<String, RuleSetting> rules = new LinkedHashMap<>();
    readIgnore(o.get("ignore"), rules);
    readRules(o.get("rules"), rules);
    JsonObject images = object(o, "images");
    JsonObject format = object(o, "format");
    JsonObject diagnostics = object(o, "diagnostics");
    JsonObject inlay = object(o, "inlayHints");
    return new SettingsLayer(
        rules,
        string(o, "platform", "platform")
            .flatMap(s -> checked(Platform.parse(s), "platform", "expected os/arch[/variant]", s)),
        stringMap(o.get("buildArgs"), "buildArgs"),
        string(o, "context", "context").flatMap(this::path),
        string(images, "source", "images.source")
            .flatMap(s -> enumValue(Source.class, s, "images.source")),
        bool(images, "offline", "images.offline"),
        string(format, "keywordCase", "format.keywordCase")
            .flatMap(s -> enumValue(KeywordCase.class, s, "format.keywordCase")),
        integer(format, "continuationIndent", "format.continuationIndent", 0, 16),
        bool(format, "jsonArraySpaces", "format.jsonArraySpaces"),
        integer(diagnostics, "debounceMs", "diagnostics.debounceMs", 0, 5000),
        bool(inlay, "enabled", "inlayHints.enabled"));
  }

  private void readIgnore(JsonElement e, Map<String, RuleSetting> rules) {
    if (e == null || e.isJsonNull()) {
      return;
    }
    if (!e.isJsonArray()) {
      warn("ignore", "expected an array of rule codes or names", e);
      return;
    }
    for (JsonElement x : e.getAsJsonArray()) {
      if (x.isJsonPrimitive() && x.getAsJsonPrimitive().isString()) {
        rules.put(x.getAsString(), RuleSetting.OFF);
      } else {
        warn("ignore", "expected a rule code or name", x);
      }
    }
  }

  private void readRules(JsonElement e, Map<String, RuleSetting> rules) {
    if (e == null || e.isJsonNull()) {
      return;
    }
    if (!e.isJsonObject()) {
      warn("rules", "expected an object of rule id to off/on/error/warning/info/style", e);
      return;
    }
    for (Map.Entry<String, JsonElement> r : e.getAsJsonObject().entrySet()) {
      String key = "rules." + r.getKey();
      JsonElement v = r.getValue();
      if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isBoolean()) {
        rules.put(r.getKey(), v.getAsBoolean() ? RuleSetting.ON : RuleSetting.OFF);
      } else if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isString()) {
        enumValue(RuleSetting.class, v.getAsString(), key).ifPresent(s -> rules.put(r.getKey(), s));
      } else {
        warn(key, "expected off, on, error, warning, info or style", v);
      }
    }
  }

  private JsonObject object(JsonObject o, String key) {
    JsonElement e = o.get(key);
    if (e == null || e.isJsonNull()) {
      return new JsonObject();
    }
    if (!e.isJsonObject()) {
      warn(key, "expected an object", e);
      return new JsonObject();
    }
    return e.getAsJsonObject();
  }

  private Optional<String> string(JsonObject o, String key, String fullKey) {
    JsonElement e = o.get(key);
    if (e == null || e.isJsonNull()) {
      return Optional.empty();
    }
    if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
      return Optional.of(e.getAsString());
    }
    warn(fullKey, "expected a string", e);
    return Optional.empty();
  }

  private Optional<Boolean> bool(JsonObject o, String key, String fullKey) {
    JsonElement e = o.get(key);
    if (e == null || e.isJsonNull()) {
      return Optional.empty();
    }
    if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean()) {
      return Optional.of(e.getAsBoolean());
    }
    warn(fullKey, "expected true or false", e);
    return Optional.empty();
  }

  private Optional<Integer> integer(JsonObject o, String key, String fullKey, int min, int max) {
    JsonElement e = o.get(key);
    if (e == null || e.isJsonNull()) {
      return Optional.empty();
    }
    if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
      double d = e.getAsDouble();
      if (d == Math.rint(d) && d >= min && d <= max) {
        return Optional.of((int) d);
      }
    }
    warn(fullKey, "expected a whole number from " + min + " to " + max, e);
    return Optional.empty();
  }

  private Map<String, String> stringMap(JsonElement e, String key) {
    Map<String, String> out = new LinkedHashMap<>();
    if (e == null || e.isJsonNull()) {
      return out;
    }
    if (!e.isJsonObject()) {
      warn(key, "expected an object of names to values", e);
      return out;
    }
    for (Map.Entry<String, JsonElement> x : e.getAsJsonObject().entrySet()) {
      JsonElement v = x.getValue();
      if (v.isJsonPrimitive()) {
        out.put(x.getKey(), v.getAsString());
      } else {
        warn(key + "." + x.getKey(), "expected a string", v);
      }
    }
    return out;
  }

  private Optional<Path> path(String s) {
    try {
      return Optional.of(Path.of(s));
    } catch (InvalidPathException ex) {
      warn("context", "expected a directory path", new JsonPrimitive(s));
      return Optional.empty();
    }
  }

  private <E extends Enum<E>> Optional<E> enumValue(Class<E> type, String s, String key) {
    String want = s.trim().toUpperCase(Locale.ROOT);
    for (E v : type.getEnumConstants()) {
      if (v.name().equals(want)) {
        return Optional.of(v);
      }
    }
    List<String> names = new ArrayList<>();
    for (E v : type.getEnumConstants()) {
      names.add(v.name().toLowerCase(Locale.ROOT));
    }
    warn(key, "expected one of " + String.join(", ", names), new JsonPrimitive(s));
    return Optional.empty();
  }

  private <T> Optional<T> checked(Optional<T> value, String key, String expected, String raw) {
    if (value.isEmpty()) {
      warn(key, expected, new JsonPrimitive(raw));
    }
    return value;
  }

  private void warn(String key, String expected, JsonElement got) {
    warnings.add(
        "invalid setting '"
            + (key.equals(ROOT) ? ROOT : ROOT + "." + key)
            + "': "
            + expected
            + ", got "
            + got
            + "; using the default");
  }
}
