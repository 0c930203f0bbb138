package dev.dockerlint.image;

import dev.dockerlint.image.cache.DiskCache;
import dev.dockerlint.image.docker.DockerEngineSettings;
import dev.dockerlint.image.docker.DockerEngineSource;
import dev.dockerlint.image.layer.LayerLimits;
import dev.dockerlint.image.registry.RegistrySettings;
import dev.dockerlint.image.registry.RegistrySource;
import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.Platform;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the image source the settings ask for: the disk cache in front of the Docker Engine and/or
 * a registry, tried in that order. The engine is looked for only when a lookup misses the cache (or
 * when its platform is asked for), so a warm run never waits for it.
 *
 * <table>
 *   <caption>What each mode asks</caption>
 *   <tr><th>mode</th><th>online</th><th>{@code --offline}</th></tr>
 *   <tr><td>auto</td><td>cache, engine, registry</td><td>cache, engine</td></tr>
 *   <tr><td>docker</td><td>cache, engine</td><td>cache, engine</td></tr>
 *   <tr><td>registry</td><td>cache, registry</td><td>cache</td></tr>
 *   <tr><td>none</td><td>nothing</td><td>nothing</td></tr>
 * </table>
 */
public final class ImageSources implements AutoCloseable {
  private final ImageSourceSettings settings;
  private final ImageMetadataSource source;
  private final Optional<EngineSource> engine;
  private final Optional<DiskCache> cache;

  private ImageSources(ImageSourceSettings settings) {
    this.settings = settings;
    LayerLimits limits = LayerLimits.of(settings.filesMaxBytes());
    boolean useEngine =
        settings.mode() == ImageSourceSettings.Mode.AUTO
            || settings.mode() == ImageSourceSettings.Mode.DOCKER;
    boolean useRegistry =
        !settings.offline()
            && (settings.mode() == ImageSourceSettings.Mode.AUTO
                || settings.mode() == ImageSourceSettings.Mode.REGISTRY);
    this.engine =
        useEngine
            ? Optional.of(
                new EngineSource(
                    DockerEngineSettings.defaults()
                        .withLimits(limits)
                        .withDockerHostOptional(settings.dockerHost())))
            : Optional.empty();
    if (settings.mode() == ImageSourceSettings.Mode.NONE) {
      this.source = ImageMetadataSource.none("image inspection is off (--image-source none)");
      this.cache = Optional.empty();
      return;
    }
    List<ImageMetadataSource> chain = new ArrayList<>();
    engine.ifPresent(chain::add);
    if (useRegistry) {
      chain.add(
          new RegistrySource(
              RegistrySettings.defaults()
                  .withInsecureRegistries(settings.insecureRegistries())
                  .withLimits(limits)));
    }
    if (settings.offline()) {
      chain.add(offlineRegistry());
    }
    ImageMetadataSource first = new FirstAnswerSource(chain);
    this.cache =
        settings
            .cacheDirectory()
            .map(dir -> new DiskCache(dir, settings.tagTtl(), Clock.systemUTC()));
    this.source =
        cache
            .<ImageMetadataSource>map(c -> new CachingSource(first, c, Clock.systemUTC()))
            .orElse(first);
  }

  /** Stands for the registry when offline, so the combined reason says why it was not asked. */
  private static ImageMetadataSource offlineRegistry() {
    return (ref, platform, withFiles) ->
        new Lookup.Unavailable("offline (--offline), and not in the image cache");
  }

  public static ImageSources open(ImageSourceSettings settings) {
    return new ImageSources(settings);
  }

  /** The source to lint with. */
  public ImageMetadataSource source() {
    return source;
  }

  public ImageSourceSettings settings() {
    return settings;
  }

  /**
   * The Docker Engine's platform, if the mode uses the engine and one answers within about a
   * second: the default target platform, as {@code docker build} on that engine would use.
   */
  public Optional<Platform> enginePlatform() {
    if (engine.isEmpty()) {
      return Optional.empty();
    }
    String key = engineKey();
    if (cache.isPresent()) {
      Optional<Optional<Platform>> remembered = cache.get().enginePlatform(key);
      if (remembered.isPresent()) {
        return remembered.get();
      }
    }
    Optional<Platform> p = engine.get().platform();
    cache.ifPresent(c -> c.putEnginePlatform(key, p));
    return p;
  }

  /** What names the engine: its explicit address, DOCKER_HOST or DOCKER_CONTEXT, and config. */
  private String engineKey() {
    String dir = System.getenv("DOCKER_CONFIG");
    java.nio.file.Path config =
        (dir != null && !dir.isEmpty()
                ? java.nio.file.Path.of(dir)
                : java.nio.file.Path.of(System.getProperty("user.home"), ".docker"))
            .resolve("config.json");
    long stamp = config.toFile().lastModified();
    return settings.dockerHost().orElse("")
        + "|"
        + Optional.ofNullable(System.getenv("DOCKER_HOST")).orElse("")
        + "|"
        + Optional.ofNullable(System.getenv("DOCKER_CONTEXT")).orElse("")
        + "|"
        + config
        + "@"
        + stamp;
  }

  @Override
  public void close() {
    engine.ifPresent(EngineSource::close);
  }

  /** The engine, connected on first use; once absent, it stays absent for this run. */
  private static final class EngineSource implements ImageMetadataSource {
    private final DockerEngineSettings settings;
    private DockerEngineSource.Connection connection;

    EngineSource(DockerEngineSettings settings) {
      this.settings = settings;
    }

    private synchronized DockerEngineSource.Connection connection() {
      if (connection == null) {
        connection = DockerEngineSource.connect(settings);
      }
      return connection;
    }

    Optional<Platform> platform() {
      return connection() instanceof DockerEngineSource.Connection.Connected c
          ? Optional.of(c.source().platform())
          : Optional.empty();
    }

    @Override
    public Lookup lookup(ImageRef ref, Platform platform, boolean withFiles) {
      DockerEngineSource.Connection c = connection();
      if (c instanceof DockerEngineSource.Connection.Connected ok) {
        return ok.source().lookup(ref, platform, withFiles);
      }
      return new Lookup.Unavailable(((DockerEngineSource.Connection.NoEngine) c).reason());
    }

    synchronized void close() {
      if (connection instanceof DockerEngineSource.Connection.Connected c) {
        c.source().close();
      }
    }
  }
}
