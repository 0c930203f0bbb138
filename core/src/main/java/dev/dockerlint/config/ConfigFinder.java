package dev.dockerlint.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the configuration that applies to a Dockerfile, in this order:
 *
 * <ol>
 *   <li>the file given with {@code --config}, for every Dockerfile;
 *   <li>the nearest {@code .dockerlint.yaml} (or {@code .yml}) in the Dockerfile's folder or above;
 *   <li>{@code $XDG_CONFIG_HOME/dockerlint/config.yaml} ({@code ~/.config} by default);
 *   <li>when there is no dockerlint configuration at all: the nearest {@code .hadolint.yaml} (or
 *       {@code .yml}), then {@code $XDG_CONFIG_HOME/hadolint.yaml}, mapped to dockerlint's keys;
 *   <li>none: every default.
 * </ol>
 *
 * Thread-safe; each file is read once.
 */
public final class ConfigFinder {
  static final List<String> DOCKERLINT_NAMES = List.of(".dockerlint.yaml", ".dockerlint.yml");
  static final List<String> HADOLINT_NAMES = List.of(".hadolint.yaml", ".hadolint.yml");

  private final Optional<Path> explicit;
  private final Optional<Path> xdgConfigHome;
  private final Map<Path, Optional<Path>> found = new ConcurrentHashMap<>();
  private final Map<Path, Config> loaded = new ConcurrentHashMap<>();

  public ConfigFinder(Optional<Path> explicit, Optional<Path> xdgConfigHome) {
    this.explicit = explicit;
    this.xdgConfigHome = xdgConfigHome;
  }

  /** A finder that reads {@code XDG_CONFIG_HOME} (or {@code HOME/.config}) from the environment. */
  public static ConfigFinder fromEnvironment(Optional<Path> explicit, Map<String, String> env) {
    String xdg = env.get("XDG_CONFIG_HOME");
    Optional<Path> home;
    if (xdg != null && !xdg.isBlank()) {
      home = Optional.of(Path.of(xdg));
    } else {
      String h = env.get("HOME");
      home = h == null || h.isBlank() ? Optional.empty() : Optional.of(Path.of(h, ".config"));
    }
    return new ConfigFinder(explicit, home);
  }

  /** The configuration for a Dockerfile at {@code file}. */
  public Config forFile(Path file) {
    Path parent = file.toAbsolutePath().normalize().getParent();
    return forDirectory(parent == null ? Path.of("/") : parent);
  }

  /** The configuration for Dockerfiles in {@code dir} (standard input: the working directory). */
  public Config forDirectory(Path dir) {
    return path(dir.toAbsolutePath().normalize()).map(this::load).orElse(Config.none());
  }

  /** Where the configuration for {@code dir} comes from, if anywhere. */
  public Optional<Path> path(Path dir) {
    if (explicit.isPresent()) {
      return explicit;
    }
    return found.computeIfAbsent(dir, this::search);
  }

  private Optional<Path> search(Path dir) {
    Optional<Path> p = upward(dir, DOCKERLINT_NAMES);
    if (p.isEmpty()) {
      p = xdg("dockerlint/config.yaml").or(() -> xdg("dockerlint/config.yml"));
    }
    if (p.isEmpty()) {
      p = upward(dir, HADOLINT_NAMES);
    }
    if (p.isEmpty()) {
      p = xdg("hadolint.yaml").or(() -> xdg("hadolint.yml"));
    }
    return p;
  }

  private Optional<Path> xdg(String name) {
    return xdgConfigHome.map(h -> h.resolve(name)).filter(Files::isRegularFile);
  }

  private static Optional<Path> upward(Path dir, List<String> names) {
    for (Path d = dir; d != null; d = d.getParent()) {
      for (String n : names) {
        Path p = d.resolve(n);
        if (Files.isRegularFile(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  private Config load(Path p) {
    Config c = loaded.get(p);
    if (c == null) {
      c = ConfigLoader.load(p);
      Config prev = loaded.putIfAbsent(p, c);
      if (prev != null) {
        c = prev;
      }
    }
    return c;
  }
}
