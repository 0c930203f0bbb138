package dev.dockerlint.image.registry;

import dev.dockerlint.image.layer.LayerLimits;
import java.time.Duration;
import java.util.Set;

/**
 * How {@link RegistrySource} talks to registries.
 *
 * @param insecureRegistries {@code host[:port]} names the user trusts without TLS verification (and
 *     over plain HTTP), as Docker's {@code insecure-registries}
 * @param credentials where credentials come from
 * @param connectTimeout the most time to wait for a connection
 * @param readTimeout the most time to wait for any one read
 * @param lookupTimeout the most time one lookup without files may take
 * @param filesTimeout the most time one lookup with files (layer downloads) may take
 * @param limits bounds on layer data
 */
public record RegistrySettings(
    Set<String> insecureRegistries,
    CredentialStore credentials,
    Duration connectTimeout,
    Duration readTimeout,
    Duration lookupTimeout,
    Duration filesTimeout,
    LayerLimits limits) {

  public RegistrySettings {
    insecureRegistries = Set.copyOf(insecureRegistries);
  }

  /** The docker CLI's credentials, no insecure registries, default limits and timeouts. */
  public static RegistrySettings defaults() {
    return new RegistrySettings(
        Set.of(),
        CredentialStore.dockerDefault(),
        Duration.ofSeconds(5),
        Duration.ofSeconds(15),
        Duration.ofSeconds(30),
        Duration.ofMinutes(3),
        LayerLimits.DEFAULT);
  }

  public RegistrySettings withInsecureRegistries(Set<String> hosts) {
    return new RegistrySettings(
        hosts, credentials, connectTimeout, readTimeout, lookupTimeout, filesTimeout, limits);
  }

  public RegistrySettings withCredentials(CredentialStore store) {
    return new RegistrySettings(
        insecureRegistries,
        store,
        connectTimeout,
        readTimeout,
        lookupTimeout,
        filesTimeout,
        limits);
  }

  public RegistrySettings withLimits(LayerLimits l) {
    return new RegistrySettings(
        insecureRegistries,
        credentials,
        connectTimeout,
        readTimeout,
        lookupTimeout,
        filesTimeout,
        l);
  }

  public RegistrySettings withTimeouts(
      Duration connect, Duration read, Duration lookup, Duration files) {
    return new RegistrySettings(
        insecureRegistries, credentials, connect, read, lookup, files, limits);
  }
}
