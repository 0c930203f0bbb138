package dev.dockerlint.image;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where image facts come from, as the CLI options, the config file and the LSP settings say it.
 *
 * @param mode {@code auto} (the Docker Engine if one answers within about a second, else the
 *     registry), {@code docker}, {@code registry} or {@code none}
 * @param offline no network: the engine and the cache only
 * @param insecureRegistries registries the user trusts without TLS verification
 * @param filesMaxBytes the largest image (layer bytes as transferred) whose files are read
 * @param cacheDirectory the cache directory; empty for none
 * @param tagTtl how long an answer for a tag is trusted
 * @param dockerHost an explicit engine address; empty means what the docker CLI would use
 */
public record ImageSourceSettings(
    Mode mode,
    boolean offline,
    Set<String> insecureRegistries,
    long filesMaxBytes,
    Optional<Path> cacheDirectory,
    Duration tagTtl,
    Optional<String> dockerHost) {

  /** The {@code --image-source} values. */
  public enum Mode {
    AUTO,
    DOCKER,
    REGISTRY,
    NONE;

    /** Parses {@code auto|docker|registry|none}, any case. */
    public static Optional<Mode> parse(String s) {
      try {
        return Optional.of(valueOf(s.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The default largest image whose files are read: 1 GiB. */
  public static final long DEFAULT_FILES_MAX_BYTES = 1L << 30;

  /** The default trust in an answer for a tag: 6 hours. */
  public static final Duration DEFAULT_TAG_TTL = Duration.ofHours(6);

  public ImageSourceSettings {
    insecureRegistries = Set.copyOf(insecureRegistries);
  }

  /** {@code auto}, online, no insecure registries, the default cache and limits. */
  public static ImageSourceSettings defaults() {
    return new ImageSourceSettings(
        Mode.AUTO,
        false,
        Set.of(),
        DEFAULT_FILES_MAX_BYTES,
        Optional.of(dev.dockerlint.image.cache.DiskCache.defaultDirectory()),
        DEFAULT_TAG_TTL,
        Optional.empty());
  }

  /**
   * Reads the image settings of the config file or the LSP's {@code dockerlint} settings object:
   * {@code imageSource} ({@code auto|docker|registry|none}), {@code offline} (boolean), {@code
   * insecureRegistries} (list of {@code host[:port]}), {@code imageFilesMaxBytes} (number). A
   * missing key keeps the default; a bad value keeps the default and adds a warning naming the key
   * to {@code warnings}.
   */
  public static ImageSourceSettings fromSettings(
      java.util.Map<String, ?> settings, java.util.List<String> warnings) {
    ImageSourceSettings s = defaults();
    Object mode = settings.get("imageSource");
    if (mode != null) {
      Optional<Mode> m = mode instanceof String t ? Mode.parse(t) : Optional.empty();
      if (m.isPresent()) {
        s = s.withMode(m.get());
      } else {
        warnings.add("imageSource: expected auto, docker, registry or none, got '" + mode + "'");
      }
    }
    Object offline = settings.get("offline");
    if (offline instanceof Boolean b) {
      s = s.withOffline(b);
    } else if (offline != null) {
      warnings.add("offline: expected true or false, got '" + offline + "'");
    }
    Object insecure = settings.get("insecureRegistries");
    if (insecure instanceof java.util.List<?> list
        && list.stream().allMatch(x -> x instanceof String)) {
      java.util.Set<String> hosts = new java.util.LinkedHashSet<>();
      list.forEach(x -> hosts.add((String) x));
      s = s.withInsecureRegistries(hosts);
    } else if (insecure != null) {
      warnings.add("insecureRegistries: expected a list of host[:port] names");
    }
    Object max = settings.get("imageFilesMaxBytes");
    if (max instanceof Number n && n.longValue() > 0) {
      s = s.withFilesMaxBytes(n.longValue());
    } else if (max != null) {
      warnings.add("imageFilesMaxBytes: expected a positive number of bytes, got '" + max + "'");
    }
    return s;
  }

  public ImageSourceSettings withMode(Mode m) {
    return new ImageSourceSettings(
        m, offline, insecureRegistries, filesMaxBytes, cacheDirectory, tagTtl, dockerHost);
  }

  public ImageSourceSettings withOffline(boolean o) {
    return new ImageSourceSettings(
        mode, o, insecureRegistries, filesMaxBytes, cacheDirectory, tagTtl, dockerHost);
  }

  public ImageSourceSettings withInsecureRegistries(Set<String> hosts) {
    return new ImageSourceSettings(
        mode, offline, hosts, filesMaxBytes, cacheDirectory, tagTtl, dockerHost);
  }

  public ImageSourceSettings withFilesMaxBytes(long max) {
    return new ImageSourceSettings(
        mode, offline, insecureRegistries, max, cacheDirectory, tagTtl, dockerHost);
  }

  public ImageSourceSettings withCacheDirectory(Optional<Path> dir) {
    return new ImageSourceSettings(
        mode, offline, insecureRegistries, filesMaxBytes, dir, tagTtl, dockerHost);
  }

  public ImageSourceSettings withDockerHost(Optional<String> host) {
    return new ImageSourceSettings(
        mode, offline, insecureRegistries, filesMaxBytes, cacheDirectory, tagTtl, host);
  }
}
