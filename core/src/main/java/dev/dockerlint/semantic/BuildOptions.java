package dev.dockerlint.semantic;

import java.util.Map;
import java.util.Optional;

/**
 * What the build is asked to do: the target platform ({@code --platform}), the platform of the
 * machine that builds, build arguments ({@code --build-arg}) and the target stage.
 */
public record BuildOptions(
    Platform targetPlatform,
    Platform buildPlatform,
    Map<String, String> buildArgs,
    Optional<String> targetStage) {

  public BuildOptions {
    buildArgs = Map.copyOf(buildArgs);
  }

  /** Building for the host's own platform, no build arguments. */
  public static BuildOptions defaults() {
    Platform host = Platform.host();
    return new BuildOptions(host, host, Map.of(), Optional.empty());
  }

  public BuildOptions withTargetPlatform(Platform p) {
    return new BuildOptions(p, buildPlatform, buildArgs, targetStage);
  }

  public BuildOptions withBuildArgs(Map<String, String> args) {
    return new BuildOptions(targetPlatform, buildPlatform, args, targetStage);
  }
}
