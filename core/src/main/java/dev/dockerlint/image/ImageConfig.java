package dev.dockerlint.image;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of an image config (OCI image spec, {@code config} object) that decide what a container
 * runs: environment (PATH), entrypoint, cmd, shell, user, working directory, labels, and the health
 * check's command ({@code Healthcheck.Test}: {@code ["CMD", ...]}, {@code ["CMD-SHELL", "..."]} or
 * {@code ["NONE"]}, a Docker extension of the OCI config).
 */
public record ImageConfig(
    List<String> env,
    Optional<List<String>> entrypoint,
    Optional<List<String>> cmd,
    Optional<List<String>> shell,
    Optional<String> user,
    Optional<String> workingDir,
    Map<String, String> labels,
    Optional<List<String>> healthcheck) {

  public ImageConfig {
    env = List.copyOf(env);
    entrypoint = entrypoint.map(List::copyOf);
    cmd = cmd.map(List::copyOf);
    shell = shell.map(List::copyOf);
    labels = Map.copyOf(labels);
    healthcheck = healthcheck.map(List::copyOf);
  }

  /** A config without a health check. */
  public ImageConfig(
      List<String> env,
      Optional<List<String>> entrypoint,
      Optional<List<String>> cmd,
      Optional<List<String>> shell,
      Optional<String> user,
      Optional<String> workingDir,
      Map<String, String> labels) {
    this(env, entrypoint, cmd, shell, user, workingDir, labels, Optional.empty());
  }

  public static ImageConfig empty() {
    return new ImageConfig(
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Map.of());
  }

  /** The environment as a map ({@code KEY=VALUE} entries; later entries win). */
  public Map<String, String> envMap() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String e : env) {
      int eq = e.indexOf('=');
      if (eq > 0) {
        m.put(e.substring(0, eq), e.substring(eq + 1));
      } else if (!e.isEmpty()) {
        m.put(e, "");
      }
    }
    return m;
  }
}
