package dev.dockerlint.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One {@code docker run --network none} of an image, with its output bounded and a timeout. The
 * container is always removed afterwards, also after a timeout.
 *
 * <p>Start failures show up in two places, and {@link Result} keeps both: errors runc reports
 * before the process starts ("executable file not found", "permission denied") come back from the
 * daemon (CLI stderr, exit code 126/127, and {@code State.Error}); errors of the final {@code
 * execve} inside the container ("exec format error", "no such file or directory" for a missing
 * interpreter) are printed by runc's init to the container's stderr, with exit code 1 or so.
 */
public final class Container {

  private Container() {}

  /** A builder of a run of {@code image} on {@code docker}. */
  public static Builder builder(DockerEngine docker, String image) {
    return new Builder(docker, image);
  }

  /**
   * How a run ended.
   *
   * @param name the container's name
   * @param exitCode the exit code of {@code docker run}: the container's, or 125-127 for errors the
   *     daemon reported; -1 after a timeout
   * @param stdout what the container (and the CLI) wrote to stdout, bounded
   * @param stderr what the container and the CLI wrote to stderr, bounded
   * @param timedOut whether the timeout ended the run
   * @param status {@code State.Status} after the run ({@code exited}, {@code created}, ...), empty
   *     if the container was never created
   * @param stateExitCode {@code State.ExitCode}, or -1 if the container was never created
   * @param stateError {@code State.Error}: the daemon's error when the container could not start
   */
  public record Result(
      String name,
      int exitCode,
      String stdout,
      String stderr,
      boolean timedOut,
      Optional<String> status,
      int stateExitCode,
      String stateError) {

    /** stdout and stderr, for messages. */
    public String output() {
      return "exit " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr;
    }
  }

  /**
   * The first run of a container's health check.
   *
   * @param status {@code State.Health.Status} after it ({@code healthy}, {@code starting}, ...)
   * @param exitCode the probe's exit code; -1 when the engine could not start it
   * @param output what the probe printed, or the engine's error when it could not start it
   */
  public record HealthProbe(String status, int exitCode, String output) {}

  /** Sets up a run; every setter returns this builder. */
  public static final class Builder {
    private final DockerEngine docker;
    private final String image;
    private Optional<String> entrypoint = Optional.empty();
    private List<String> command = List.of();
    private Optional<String> user = Optional.empty();
    private Optional<String> workdir = Optional.empty();
    private Optional<Platform> platform = Optional.empty();
    private final List<String> env = new ArrayList<>();
    private Duration timeout = Duration.ofSeconds(60);
    private int maxOutputBytes = 64 * 1024;

    private Builder(DockerEngine docker, String image) {
      this.docker = docker;
      this.image = image;
    }

    /** {@code --entrypoint}: replaces the image's entrypoint ({@code ""} clears it). */
    public Builder entrypoint(String program) {
      entrypoint = Optional.of(program);
      return this;
    }

    /** The arguments after the image name: replace the image's {@code Cmd}. */
    public Builder command(String... argv) {
      command = List.of(argv);
      return this;
    }

    /** {@code --user}. */
    public Builder user(String user) {
      this.user = Optional.of(user);
      return this;
    }

    /** {@code --workdir}. */
    public Builder workdir(String workdir) {
      this.workdir = Optional.of(workdir);
      return this;
    }

    /** {@code --env NAME=value}. */
    public Builder env(String name, String value) {
      env.add(name + "=" + value);
      return this;
    }

    /** {@code --platform}. */
    public Builder platform(Platform platform) {
      this.platform = Optional.of(platform);
      return this;
    }

    /** How long {@code docker run} may take; default 60 s. */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** Cap for each of stdout and stderr; default 64 KiB. */
    public Builder maxOutputBytes(int maxOutputBytes) {
      this.maxOutputBytes = maxOutputBytes;
      return this;
    }

    /** Runs the container to its end (or the timeout), inspects it and removes it. */
    public Result run() {
      String name = "dockerlint-" + UUID.randomUUID();
      List<String> args =
          new ArrayList<>(List.of("run", "--name", name, "--network", "none", "--pull", "never"));
      entrypoint.ifPresent(e -> args.addAll(List.of("--entrypoint", e)));
      user.ifPresent(u -> args.addAll(List.of("--user", u)));
      workdir.ifPresent(w -> args.addAll(List.of("--workdir", w)));
      platform.ifPresent(p -> args.addAll(List.of("--platform", p.toString())));
      env.forEach(e -> args.addAll(List.of("--env", e)));
      args.add(image);
      args.addAll(command);
      Result result;
      try {
        result = inspect(name, docker.docker(timeout, Optional.empty(), maxOutputBytes, args));
      } catch (RuntimeException e) {
        remove(name).ifPresent(error -> e.addSuppressed(new IllegalStateException(error)));
        throw e;
      }
      remove(name)
          .ifPresent(
              error -> {
                throw new IllegalStateException(error);
              });
      return result;
    }

    /**
     * Starts the container in the background with its health check probed every second, waits for
     * the first probe (or the timeout), then removes the container. The container's own command
     * must keep running meanwhile.
     */
    public HealthProbe firstHealthProbe() {
      String name = "dockerlint-" + UUID.randomUUID();
      List<String> args =
          new ArrayList<>(
              List.of(
                  "run",
                  "--detach",
                  "--name",
                  name,
                  "--network",
                  "none",
                  "--pull",
                  "never",
                  "--health-interval",
                  "1s",
                  "--health-timeout",
                  "10s"));
      entrypoint.ifPresent(e -> args.addAll(List.of("--entrypoint", e)));
      user.ifPresent(u -> args.addAll(List.of("--user", u)));
      args.add(image);
      args.addAll(command);
      try {
        docker.docker(timeout, Optional.empty(), maxOutputBytes, args).orThrow();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
          ProcessRunner.Result state =
              docker
                  .docker(
                      DockerEngine.SHORT,
                      "container",
                      "inspect",
                      "--format",
                      "{{json .State.Health}}",
                      name)
                  .orThrow();
          JsonNode health = Json.parse(state.stdout().strip().getBytes(StandardCharsets.UTF_8));
          JsonNode log = health.path("Log");
          if (log.size() > 0) {
            JsonNode first = log.get(0);
            return new HealthProbe(
                health.path("Status").asText(),
                first.path("ExitCode").asInt(),
                first.path("Output").asText(""));
          }
          try {
            Thread.sleep(200);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a health check", e);
          }
        }
        throw new IllegalStateException(
            "no health check of " + name + " within " + timeout.toSeconds() + " s");
      } finally {
        remove(name)
            .ifPresent(
                error -> {
                  throw new IllegalStateException(error);
                });
      }
    }

    private Optional<String> remove(String name) {
      ProcessRunner.Result rm = docker.docker(DockerEngine.SHORT, "rm", "-f", name);
      if (rm.ok() || rm.stderr().contains("No such container")) {
        return Optional.empty();
      }
      return Optional.of("cannot remove container " + name + ": " + rm.describe());
    }

    private Result inspect(String name, ProcessRunner.Result run) {
      ProcessRunner.Result state =
          docker.docker(
              DockerEngine.SHORT, "container", "inspect", "--format", "{{json .State}}", name);
      Optional<String> status = Optional.empty();
      int stateExitCode = -1;
      String stateError = "";
      if (state.ok()) {
        JsonNode json = Json.parse(state.stdout().strip().getBytes(StandardCharsets.UTF_8));
        status = Optional.of(json.path("Status").asText());
        stateExitCode = json.path("ExitCode").asInt(-1);
        stateError = json.path("Error").asText("");
      }
      return new Result(
          name,
          run.exitCode(),
          run.stdout(),
          run.stderr(),
          run.timedOut(),
          status,
          stateExitCode,
          stateError);
    }
  }
}
