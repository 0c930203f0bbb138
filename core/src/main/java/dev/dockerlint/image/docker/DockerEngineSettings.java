package dev.dockerlint.image.docker;

import dev.dockerlint.image.layer.LayerLimits;
import java.time.Duration;
import java.util.Optional;

/**
 * How {@link DockerEngineSource} finds and talks to the engine.
 *
 * @param dockerHost an explicit engine address ({@code unix:///...}, {@code tcp://host:2376});
 *     empty means what the docker CLI would use (DOCKER_HOST, then the current context)
 * @param probeTimeout how long to wait for the engine to answer at all
 * @param readTimeout the most time any one read from the engine may take
 * @param lookupTimeout the most time one inspect may take
 * @param filesTimeout the most time one {@code docker save} may take
 * @param limits bounds on layer data
 */
public record DockerEngineSettings(
    Optional<String> dockerHost,
    Duration probeTimeout,
    Duration readTimeout,
    Duration lookupTimeout,
    Duration filesTimeout,
    LayerLimits limits) {

  public static DockerEngineSettings defaults() {
    return new DockerEngineSettings(
        Optional.empty(),
        Duration.ofMillis(1000),
        Duration.ofSeconds(30),
        Duration.ofSeconds(10),
        Duration.ofMinutes(3),
        LayerLimits.DEFAULT);
  }

  public DockerEngineSettings withDockerHost(String host) {
    return new DockerEngineSettings(
        Optional.of(host), probeTimeout, readTimeout, lookupTimeout, filesTimeout, limits);
  }

  public DockerEngineSettings withDockerHostOptional(Optional<String> host) {
    return new DockerEngineSettings(
        host, probeTimeout, readTimeout, lookupTimeout, filesTimeout, limits);
  }

  public DockerEngineSettings withLimits(LayerLimits l) {
    return new DockerEngineSettings(
        dockerHost, probeTimeout, readTimeout, lookupTimeout, filesTimeout, l);
  }

  public DockerEngineSettings withProbeTimeout(Duration d) {
    return new DockerEngineSettings(
        dockerHost, d, readTimeout, lookupTimeout, filesTimeout, limits);
  }
}
