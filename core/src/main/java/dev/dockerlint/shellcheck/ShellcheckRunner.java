package dev.dockerlint.shellcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the {@code shellcheck} executable over many scripts at once: scripts are written to a
 * temporary folder and checked in batches, one process per batch and dialect ({@code -f json1}),
 * batches in parallel. Results are cached by the SHA-256 of dialect and script for the life of the
 * runner, so a script that many Dockerfiles share is checked once. Thread-safe.
 *
 * <p>The executable is {@code $DOCKERLINT_SHELLCHECK} when set, else {@code shellcheck} on the
 * PATH. When it is missing or fails, {@link #available()} is false and nothing is checked.
 */
public final class ShellcheckRunner {
  /** Checks that a Dockerfile script cannot satisfy: sourced files are not there to follow. */
  public static final List<String> EXCLUDED = List.of("SC1090", "SC1091", "SC2187");

  private static final int BATCH = 200;
  private static final long TIMEOUT_SECONDS = 120;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ShellcheckRunner SHARED = new ShellcheckRunner(findExecutable());

  private final Optional<Path> executable;
  private final Map<String, List<ShellcheckComment>> cache = new ConcurrentHashMap<>();
  private volatile Optional<String> version;
  private final java.util.concurrent.atomic.AtomicInteger processes =
      new java.util.concurrent.atomic.AtomicInteger();

  ShellcheckRunner(Optional<Path> executable) {
    this.executable = executable;
  }

  /** The runner of this process (one cache for every lint). */
  public static ShellcheckRunner shared() {
    return SHARED;
  }

  private static Optional<Path> findExecutable() {
    String env = System.getenv("DOCKERLINT_SHELLCHECK");
    if (env != null && !env.isBlank()) {
      Path p = Path.of(env);
      return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path p = Path.of(dir, "shellcheck");
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The executable this runner starts. */
  Optional<Path> executable() {
    return executable;
  }

  /** Whether the executable is there and answers {@code --version}. */
  public boolean available() {
    return version().isPresent();
  }

  /** ShellCheck's version, when it runs. */
  public Optional<String> version() {
    Optional<String> v = version;
    if (v == null) {
      synchronized (this) {
        if (version == null) {
          version = executable.flatMap(ShellcheckRunner::askVersion);
        }
        v = version;
      }
    }
    return v;
  }

  private static Optional<String> askVersion(Path exe) {
    try {
      Process p = new ProcessBuilder(exe.toString(), "--version").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        return Optional.empty();
      }
      for (String line : out.split("\n")) {
        if (line.startsWith("version:")) {
          return Optional.of(line.substring("version:".length()).trim());
        }
      }
      return Optional.of("unknown");
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** How many shellcheck processes this runner started (for tests and diagnostics). */
  int processesStarted() {
    return processes.get();
  }

  /**
   * The findings of each request, checking the ones not cached yet (in batches). A request whose
   * batch failed gets no entry.
   */
  public Map<ShellcheckRequest, List<ShellcheckComment>> check(
      Collection<ShellcheckRequest> requests) {
    prefetch(requests);
    Map<ShellcheckRequest, List<ShellcheckComment>> out = new LinkedHashMap<>();
    for (ShellcheckRequest r : requests) {
      List<ShellcheckComment> c = cache.get(r.key());
      if (c != null) {
        out.put(r, c);
      }
    }
    return out;
  }

  /**
   * Checks every request not cached yet, in batches of up to {@value #BATCH} scripts per process,
   * one process per available processor at a time.
   */
  public void prefetch(Collection<ShellcheckRequest> requests) {
    if (!available()) {
      return;
    }
    Map<String, Map<String, ShellcheckRequest>> byDialect = new LinkedHashMap<>();
    for (ShellcheckRequest r : requests) {
      String key = r.key();
      if (!cache.containsKey(key)) {
        byDialect.computeIfAbsent(r.dialect(), d -> new LinkedHashMap<>()).putIfAbsent(key, r);
      }
    }
    List<List<Map.Entry<String, ShellcheckRequest>>> batches = new ArrayList<>();
    for (Map<String, ShellcheckRequest> m : byDialect.values()) {
      List<Map.Entry<String, ShellcheckRequest>> all = new ArrayList<>(m.entrySet());
      for (int i = 0; i < all.size(); i += BATCH) {
        batches.add(all.subList(i, Math.min(all.size(), i + BATCH)));
      }
    }
    if (batches.isEmpty()) {
      return;
    }
    if (batches.size() == 1) {
      runBatch(batches.get(0));
      return;
    }
    int threads = Math.max(1, Math.min(batches.size(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (List<Map.Entry<String, ShellcheckRequest>> b : batches) {
        futures.add(pool.submit(() -> runBatch(b)));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException("shellcheck batch failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** One shellcheck process over a batch of scripts of one dialect; fills the cache. */
  private void runBatch(List<Map.Entry<String, ShellcheckRequest>> batch) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("dockerlint-shellcheck");
      List<String> cmd = new ArrayList<>();
      cmd.add(executable.get().toString());
      cmd.add("--norc");
      cmd.add("-f");
      cmd.add("json1");
      cmd.add("-s");
      cmd.add(batch.get(0).getValue().dialect());
      cmd.add("-e");
      cmd.add(String.join(",", EXCLUDED));
      Map<String, String> keyOfFile = new LinkedHashMap<>();
      int n = 0;
      for (Map.Entry<String, ShellcheckRequest> e : batch) {
        String name = "s" + (n++) + ".sh";
        Files.writeString(dir.resolve(name), e.getValue().script(), StandardCharsets.UTF_8);
        keyOfFile.put(name, e.getKey());
        cmd.add(name);
      }
      Path out = dir.resolve("out.json");
      processes.incrementAndGet();
      Process p =
          new ProcessBuilder(cmd)
              .directory(dir.toFile())
              .redirectOutput(out.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return;
      }
      if (p.exitValue() > 1) {
        return;
      }
      Map<String, List<ShellcheckComment>> found = new LinkedHashMap<>();
      keyOfFile.keySet().forEach(f -> found.put(f, new ArrayList<>()));
      JsonNode root = JSON.readTree(out.toFile());
      for (JsonNode c : root.path("comments")) {
        List<ShellcheckComment> l = found.get(c.path("file").asText());
        if (l != null) {
          l.add(
              new ShellcheckComment(
                  c.path("line").asInt(),
                  c.path("column").asInt(),
                  c.path("endLine").asInt(),
                  c.path("endColumn").asInt(),
                  c.path("level").asText(),
                  c.path("code").asInt(),
                  c.path("message").asText()));
        }
      }
      found.forEach((file, comments) -> cache.put(keyOfFile.get(file), List.copyOf(comments)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run shellcheck", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (dir != null) {
        deleteTree(dir);
      }
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
