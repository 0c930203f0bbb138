package dev.dockerlint.lsp.settings;

import dev.dockerlint.config.Config;
import dev.dockerlint.config.ConfigException;
import dev.dockerlint.config.ConfigFinder;
import dev.dockerlint.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The {@code .dockerlint.yaml} (or {@code .hadolint.yaml}) that applies to each open Dockerfile,
 * found as the command line finds it: upward from the file's folder, then {@code $XDG_CONFIG_HOME}.
 * Files are read again when they change on disk: the search is repeated at most every {@link
 * #RECHECK_NANOS}, or at once after {@link #invalidate()} (a watched file changed), and a file is
 * parsed again only when its modification time or size changed. A malformed file is reported once
 * (per version of it) through {@code warn} and counts as no configuration, so that linting goes on.
 * Thread-safe.
 */
public final class ProjectConfigs {
  /** How long a search result is trusted before the file system is asked again. */
  static final long RECHECK_NANOS = 2_000_000_000L;

  private final Map<String, String> environment;
  private final Consumer<String> warn;
  private final LongSupplier clock;
  private final boolean enabled;
  private final Map<Path, Loaded> loaded = new ConcurrentHashMap<>();
  private final Map<Path, Optional<Path>> lastFound = new ConcurrentHashMap<>();
  private volatile Search search;
  private volatile long generation;

  /** A file as it was read: its stamp and what it says. */
  private record Loaded(Stamp stamp, Config config) {}

  private record Stamp(long modified, long size) {
    static Optional<Stamp> of(Path p) {
      try {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        return Optional.of(new Stamp(a.lastModifiedTime().toMillis(), a.size()));
      } catch (IOException e) {
        return Optional.empty();
      }
    }
  }

  /** One round of searching: the finder remembers what it found until it is replaced. */
  private record Search(ConfigFinder finder, long startedNanos) {}

  public ProjectConfigs(Map<String, String> environment, Consumer<String> warn) {
    this(environment, warn, System::nanoTime);
  }

  ProjectConfigs(Map<String, String> environment, Consumer<String> warn, LongSupplier clock) {
    this(environment, warn, clock, true);
  }

  private ProjectConfigs(
      Map<String, String> environment, Consumer<String> warn, LongSupplier clock, boolean enabled) {
    this.enabled = enabled;
    this.environment = Map.copyOf(environment);
    this.warn = warn;
    this.clock = clock;
    this.search = newSearch();
  }

  /** No configuration files at all (documents that are not on disk, tests). */
  public static ProjectConfigs none() {
    return new ProjectConfigs(Map.of(), m -> {}, System::nanoTime, false);
  }

  private Search newSearch() {
    return new Search(
        ConfigFinder.fromEnvironment(Optional.empty(), environment), clock.getAsLong());
  }

  /** Forget every search result: a configuration file was created, changed or deleted. */
  public void invalidate() {
    search = newSearch();
    generation++;
  }

  /**
   * A number that changes whenever a configuration may have changed since it was last read: compare
   * it before and after to know whether documents must be linted again.
   */
  public long generation() {
    return generation;
  }

  /** The configuration for a Dockerfile at {@code file} (none when the document is not a file). */
  public Config forFile(Optional<Path> file) {
    if (!enabled || file.isEmpty()) {
      return Config.none();
    }
    Search s = search;
    if (clock.getAsLong() - s.startedNanos() > RECHECK_NANOS) {
      s = newSearch();
      search = s;
    }
    Path parent = file.get().toAbsolutePath().normalize().getParent();
    Path dir = parent == null ? Path.of("/") : parent;
    Optional<Path> where = s.finder().path(dir);
    Optional<Path> before = lastFound.put(dir, where);
    if (before != null && !before.equals(where)) {
      generation++;
    }
    if (where.isEmpty()) {
      return Config.none();
    }
    return load(where.get());
  }

  private Config load(Path p) {
    Optional<Stamp> stamp = Stamp.of(p);
    if (stamp.isEmpty()) {
      return Config.none();
    }
    Loaded known = loaded.get(p);
    if (known != null && known.stamp().equals(stamp.get())) {
      return known.config();
    }
    Config c;
    try {
      c = ConfigLoader.load(p);
    } catch (ConfigException e) {
      warn.accept("dockerlint: " + e.getMessage() + " (the file is not applied until it is fixed)");
      c = Config.none();
    }
    Loaded previous = loaded.put(p, new Loaded(stamp.get(), c));
    if (previous != null) {
      generation++;
    }
    return c;
  }
}
