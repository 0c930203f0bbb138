package dev.dockerlint.config;

import dev.dockerlint.output.Formats;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.semantic.Platform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads {@code .dockerlint.yaml} and maps {@code .hadolint.yaml}. Any problem is a {@link
 * ConfigException} naming the file, the line and the key; an unknown key is an error in a
 * dockerlint file (a typo must not silently do nothing) and a warning in a hadolint file (hadolint
 * has options dockerlint does not need).
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  static final Set<String> LABEL_TYPES =
      Set.of("text", "url", "semver", "hash", "rfc3339", "spdx", "email");

  /** hadolint's keys that only matter to hadolint's own command line. */
  private static final Set<String> HADOLINT_CLI_ONLY = Set.of("no-color", "verbose");

  /** hadolint's output formats that dockerlint writes under another name, or not at all. */
  private static final Map<String, String> HADOLINT_FORMATS =
      Map.of(
          "tty", "tty",
          "json", "json",
          "checkstyle", "checkstyle",
          "gnu", "gnu",
          "sarif", "sarif",
          "gitlab_codeclimate", "gitlab",
          "codeclimate", "gitlab");

  /** Reads a file; a name containing {@code hadolint} is read as a hadolint configuration. */
  public static Config load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file, "cannot read the configuration: no such file", e);
    } catch (IOException e) {
      throw new ConfigException(file, "cannot read the configuration: " + e.getMessage(), e);
    }
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    return parse(
        text,
        file,
        name.toLowerCase(Locale.ROOT).contains("hadolint")
            ? Config.Dialect.HADOLINT
            : Config.Dialect.DOCKERLINT);
  }

  /** Parses configuration text read from {@code file}. */
  public static Config parse(String text, Path file, Config.Dialect dialect) {
    Optional<Node> root;
    try {
      root =
          new Compose(LoadSettings.builder().setLabel(file.toString()).build()).composeString(text);
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
      String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
      throw new ConfigException(file, line, "", "not valid YAML: " + problem);
    } catch (YamlEngineException e) {
      throw new ConfigException(file, 0, "", "not valid YAML: " + e.getMessage());
    }
    Config.Builder b = Config.builder().source(file, dialect);
    if (root.isEmpty()) {
      return b.build();
    }
    if (!(root.get() instanceof MappingNode map)) {
      throw new ConfigException(
          file, line(root.get()), "", "expected a mapping of keys to values at the top level");
    }
    Reader r = new Reader(file);
    for (NodeTuple t : map.getValue()) {
      String key = r.scalar(t.getKeyNode(), "");
      if (dialect == Config.Dialect.HADOLINT) {
        hadolintKey(r, b, key, t.getKeyNode(), t.getValueNode());
      } else {
        dockerlintKey(r, b, key, t.getValueNode());
      }
    }
    return b.build();
  }

  private static void dockerlintKey(Reader r, Config.Builder b, String key, Node v) {
    switch (key) {
      case "ignore" -> r.ruleRefs(v, key).forEach(b::ignore);
      case "severity" -> {
        for (Map.Entry<RuleRef, String> e : r.ruleMap(v, key).entrySet()) {
          String level = e.getValue();
          if (level.equalsIgnoreCase("off")) {
            b.ignore(e.getKey());
          } else {
            b.severity(
                e.getKey(),
                Severity.parse(level)
                    .orElseThrow(
                        () ->
                            r.error(
                                e.getKey().line(),
                                key + "." + e.getKey().id(),
                                "unknown severity '"
                                    + level
                                    + "' (expected error, warning, info, style or off)")));
          }
        }
      }
      case "failure-threshold" -> b.failureThreshold(threshold(r, v, key));
      case "platform" -> {
        String p = r.scalar(v, key);
        b.platform(
            Platform.parse(p)
                .orElseThrow(
                    () ->
                        r.error(
                            line(v),
                            key,
                            "invalid platform '" + p + "' (expected os/arch[/variant])")));
      }
      case "build-args" -> r.stringMap(v, key).forEach(b::buildArg);
      case "trusted-registries" -> r.strings(v, key).forEach(b::trustedRegistry);
      case "label-schema" -> labelSchema(r, b, v, key);
      case "strict-labels" -> b.strictLabels(r.bool(v, key));
      case "image-source" -> b.imageSource(r.scalar(v, key));
      case "offline" -> b.offline(r.bool(v, key));
      case "insecure-registries" -> r.strings(v, key).forEach(b::insecureRegistry);
      case "image-files-max-bytes" -> {
        String t = r.scalar(v, key);
        b.imageFilesMaxBytes(
            ByteSize.parse(t)
                .orElseThrow(
                    () ->
                        r.error(
                            line(v),
                            key,
                            "invalid size '" + t + "' (expected bytes, e.g. 500M or 2G)")));
      }
      case "image-ignore" -> {
        for (Node item : r.items(v, key)) {
          b.imageIgnore(imageException(r, item, key));
        }
      }
      case "format" -> b.format(format(r, v, key));
      case "exclude" -> r.strings(v, key).forEach(b::exclude);
      case "disable-ignore-pragma" -> b.disableIgnorePragma(r.bool(v, key));
      case "no-fail" -> b.noFail(r.bool(v, key));
      case "enable" -> r.ruleRefs(v, key).forEach(b::enable);
      case "shellcheck" -> {
        String m = r.scalar(v, key);
        b.shellcheck(
            Config.ShellcheckMode.parse(m)
                .orElseThrow(
                    () ->
                        r.error(
                            line(v), key, "unknown value '" + m + "' (expected auto, on or off)")));
      }
      default ->
          throw r.error(
              line(v),
              key,
              "unknown key (expected ignore, enable, severity, failure-threshold, platform,"
                  + " build-args, trusted-registries, label-schema, strict-labels, image-source,"
                  + " offline, format, exclude, disable-ignore-pragma, no-fail or shellcheck)");
    }
  }

  private static void hadolintKey(Reader r, Config.Builder b, String key, Node k, Node v) {
    switch (key) {
      case "ignored" -> r.ruleRefs(v, key).forEach(b::ignore);
      case "override" -> {
        for (Map.Entry<String, Node> e : r.mapping(v, key).entrySet()) {
          String level = e.getKey();
          Severity s =
              Severity.parse(level)
                  .orElseThrow(
                      () ->
                          r.error(
                              line(e.getValue()),
                              key + "." + level,
                              "unknown severity (expected error, warning, info or style)"));
          for (RuleRef ref : r.ruleRefs(e.getValue(), key + "." + level)) {
            b.severity(ref, s);
          }
        }
      }
      case "trustedRegistries" -> r.strings(v, key).forEach(b::trustedRegistry);
      case "failure-threshold" -> b.failureThreshold(threshold(r, v, key));
      case "label-schema" -> labelSchema(r, b, v, key);
      case "strict-labels" -> b.strictLabels(r.bool(v, key));
      case "disable-ignore-pragma" -> b.disableIgnorePragma(r.bool(v, key));
      case "no-fail" -> b.noFail(r.bool(v, key));
      case "format" -> {
        String f = r.scalar(v, key);
        String mapped = HADOLINT_FORMATS.get(f);
        if (mapped == null) {
          b.warning(
              new ConfigWarning(
                  r.file, line(v), "format '" + f + "' has no dockerlint equivalent; ignored"));
        } else {
          b.format(mapped);
        }
      }
      default -> {
        if (!HADOLINT_CLI_ONLY.contains(key)) {
          b.warning(
              new ConfigWarning(r.file, line(k), "unknown hadolint key '" + key + "'; ignored"));
        }
      }
    }
  }

  /**
   * One {@code image-ignore} entry: {@code rules}, {@code images} and {@code paths}, at least one.
   */
  private static ImageException imageException(Reader r, Node item, String key) {
    List<RuleRef> rules = List.of();
    List<String> images = List.of();
    List<String> paths = List.of();
    for (Map.Entry<String, Node> e : r.mapping(item, key).entrySet()) {
      String k = key + "." + e.getKey();
      switch (e.getKey()) {
        case "rules" -> rules = r.ruleRefs(e.getValue(), k);
        case "images" -> images = r.strings(e.getValue(), k);
        case "paths" -> paths = r.strings(e.getValue(), k);
        default ->
            throw r.error(line(e.getValue()), k, "unknown key (expected rules, images or paths)");
      }
    }
    if (rules.isEmpty() && images.isEmpty() && paths.isEmpty()) {
      throw r.error(line(item), key, "an entry needs rules, images or paths");
    }
    return new ImageException(rules, images, paths, line(item));
  }

  private static FailureThreshold threshold(Reader r, Node v, String key) {
    String t = r.scalar(v, key);
    return FailureThreshold.parse(t)
        .orElseThrow(
            () ->
                r.error(
                    line(v),
                    key,
                    "unknown level '" + t + "' (expected " + FailureThreshold.EXPECTED + ")"));
  }

  private static String format(Reader r, Node v, String key) {
    String f = r.scalar(v, key);
    if (!Formats.NAMES.contains(f)) {
      throw r.error(
          line(v),
          key,
          "unknown format '" + f + "' (expected " + String.join(", ", Formats.NAMES) + ")");
    }
    return f;
  }

  private static void labelSchema(Reader r, Config.Builder b, Node v, String key) {
    for (Map.Entry<String, Node> e : r.mapping(v, key).entrySet()) {
      String type = r.scalar(e.getValue(), key + "." + e.getKey());
      if (!LABEL_TYPES.contains(type)) {
        throw r.error(
            line(e.getValue()),
            key + "." + e.getKey(),
            "unknown label type '"
                + type
                + "' (expected one of "
                + String.join(", ", new java.util.TreeSet<>(LABEL_TYPES))
                + ")");
      }
      b.label(e.getKey(), type);
    }
  }

  static int line(Node n) {
    return n.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }

  /** Reads typed values out of nodes, failing with the file, line and key. */
  private static final class Reader {
    final Path file;

    Reader(Path file) {
      this.file = file;
    }

    ConfigException error(int line, String key, String message) {
      return new ConfigException(file, line, key, message);
    }

    String scalar(Node n, String key) {
      if (n instanceof ScalarNode s) {
        return s.getValue();
      }
      throw error(line(n), key, "expected a single value, not a " + kind(n));
    }

    boolean bool(Node n, String key) {
      String s = scalar(n, key).toLowerCase(Locale.ROOT);
      return switch (s) {
        case "true", "yes", "on" -> true;
        case "false", "no", "off" -> false;
        default -> throw error(line(n), key, "expected true or false, not '" + s + "'");
      };
    }

    List<String> strings(Node n, String key) {
      List<String> out = new ArrayList<>();
      for (Node item : items(n, key)) {
        out.add(scalar(item, key));
      }
      return out;
    }

    List<RuleRef> ruleRefs(Node n, String key) {
      List<RuleRef> out = new ArrayList<>();
      for (Node item : items(n, key)) {
        out.add(new RuleRef(scalar(item, key).trim(), line(item)));
      }
      return out;
    }

    /** A sequence, or one scalar standing for a sequence of one; null/empty is empty. */
    List<Node> items(Node n, String key) {
      if (n instanceof SequenceNode s) {
        return s.getValue();
      }
      if (n instanceof ScalarNode s) {
        return s.getValue().isEmpty() ? List.of() : List.of(n);
      }
      throw error(line(n), key, "expected a list, not a " + kind(n));
    }

    Map<String, Node> mapping(Node n, String key) {
      Map<String, Node> out = new LinkedHashMap<>();
      if (n instanceof ScalarNode s && s.getValue().isEmpty()) {
        return out;
      }
      if (!(n instanceof MappingNode m)) {
        throw error(line(n), key, "expected a mapping, not a " + kind(n));
      }
      for (NodeTuple t : m.getValue()) {
        out.put(scalar(t.getKeyNode(), key), t.getValueNode());
      }
      return out;
    }

    Map<String, String> stringMap(Node n, String key) {
      Map<String, String> out = new LinkedHashMap<>();
      for (Map.Entry<String, Node> e : mapping(n, key).entrySet()) {
        out.put(e.getKey(), scalar(e.getValue(), key + "." + e.getKey()));
      }
      return out;
    }

    Map<RuleRef, String> ruleMap(Node n, String key) {
      Map<RuleRef, String> out = new LinkedHashMap<>();
      if (n instanceof ScalarNode s && s.getValue().isEmpty()) {
        return out;
      }
      if (!(n instanceof MappingNode m)) {
        throw error(line(n), key, "expected a mapping of rules to severities, not a " + kind(n));
      }
      for (NodeTuple t : m.getValue()) {
        String id = scalar(t.getKeyNode(), key);
        out.put(new RuleRef(id, line(t.getKeyNode())), scalar(t.getValueNode(), key + "." + id));
      }
      return out;
    }

    private static String kind(Node n) {
      return switch (n.getNodeType()) {
        case MAPPING -> "mapping";
        case SEQUENCE -> "list";
        default -> "value";
      };
    }
  }
}
