package dev.dockerlint.shellcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockerlint.image.cache.DiskCache;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the {@code shellcheck} executable over many scripts at once: scripts are written to a
 * temporary folder and checked in batches, one process per batch and dialect ({@code -f json1}),
 * batches in parallel, in the background while linting goes on. Results are cached by the SHA-256
 * of dialect and script for the life of the runner, so a script that many Dockerfiles share is
 * checked once, and a script being checked is waited for, not checked again; the shared runner also
 * keeps them on disk ({@link ShellcheckDiskCache}), so a later run checks only new scripts.
 * Thread-safe.
 *
 * <p>The executable is {@code $DOCKERLINT_SHELLCHECK} when set, else {@code shellcheck} on the
 * PATH. When it is missing or fails, {@link #available()} is false and nothing is checked.
 */
public final class ShellcheckRunner {
  /** Checks that a Dockerfile script cannot satisfy: sourced files are not there to follow. */
  public static final List<String> EXCLUDED = List.of("SC1090", "SC1091", "SC2187");

  /**
   * Scripts per process: few enough that the processors share the last batches evenly, many enough
   * that starting shellcheck costs little.
   */
  private static final int BATCH = 100;

  private static final long TIMEOUT_SECONDS = 120;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ShellcheckRunner SHARED =
      new ShellcheckRunner(findExecutable(), Optional.of(DiskCache.defaultDirectory()));

  private final Optional<Path> executable;
  private final Optional<Path> cacheRoot;
  private volatile Optional<ShellcheckDiskCache> disk;
  private final Map<String, CompletableFuture<Optional<List<ShellcheckComment>>>> results =
      new ConcurrentHashMap<>();

  private final Map<String, String> failures = new ConcurrentHashMap<>();

  /** Runs the batches of every runner: one shellcheck process per processor at a time. */
  private static final ExecutorService POOL =
      Executors.newFixedThreadPool(
          Runtime.getRuntime().availableProcessors(),
          r -> {
            Thread t = new Thread(r, "dockerlint-shellcheck");
            t.setDaemon(true);
            return t;
          });

  private volatile Optional<String> version;
  private final java.util.concurrent.atomic.AtomicInteger processes =
      new java.util.concurrent.atomic.AtomicInteger();

  /** A runner with no disk cache. */
  ShellcheckRunner(Optional<Path> executable) {
    this(executable, Optional.empty());
  }

  /** A runner that keeps findings on disk under {@code cacheRoot} too. */
  ShellcheckRunner(Optional<Path> executable, Optional<Path> cacheRoot) {
    this.executable = executable;
    this.cacheRoot = cacheRoot;
  }

  /** The disk cache for this runner's ShellCheck version, when it has one. */
  private Optional<ShellcheckDiskCache> disk() {
    Optional<ShellcheckDiskCache> d = disk;
    if (d == null) {
      synchronized (this) {
        if (disk == null) {
          disk = cacheRoot.flatMap(r -> version().map(v -> new ShellcheckDiskCache(r, v)));
        }
        d = disk;
      }
    }
    return d;
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
   * The findings of each request, checking the ones not known yet (in batches) and waiting for
   * those being checked. A request whose batch failed gets no entry.
   */
  public Map<ShellcheckRequest, List<ShellcheckComment>> check(
      Collection<ShellcheckRequest> requests) {
    Map<ShellcheckRequest, CompletableFuture<Optional<List<ShellcheckComment>>>> pending =
        submit(requests);
    Map<ShellcheckRequest, List<ShellcheckComment>> out = new LinkedHashMap<>();
    for (Map.Entry<ShellcheckRequest, CompletableFuture<Optional<List<ShellcheckComment>>>> e :
        pending.entrySet()) {
      e.getValue().join().ifPresent(c -> out.put(e.getKey(), c));
    }
    return out;
  }

  /** Checks every request not known yet, in batches, and waits until all are done. */
  public void prefetch(Collection<ShellcheckRequest> requests) {
    submit(requests).values().forEach(CompletableFuture::join);
  }

  /**
   * Starts checking every request not known yet, in batches of up to {@value #BATCH} scripts per
   * process and one process per available processor at a time, and returns at once: lint work and
   * ShellCheck overlap, and {@link #check} waits for what it needs.
   */
  public void prefetchAsync(Collection<ShellcheckRequest> requests) {
    submit(requests);
  }

  /** A script this runner checks, and the future its batch completes. */
  private record Pending(
      String key,
      ShellcheckRequest request,
      CompletableFuture<Optional<List<ShellcheckComment>>> result) {}

  /** Each request's future: known, being checked, or checked by a batch started here. */
  private Map<ShellcheckRequest, CompletableFuture<Optional<List<ShellcheckComment>>>> submit(
      Collection<ShellcheckRequest> requests) {
    Map<ShellcheckRequest, CompletableFuture<Optional<List<ShellcheckComment>>>> out =
        new LinkedHashMap<>();
    if (!available()) {
      return out;
    }
    Map<String, List<Pending>> owned = new LinkedHashMap<>();
    for (ShellcheckRequest r : requests) {
      String key = r.key();
      CompletableFuture<Optional<List<ShellcheckComment>>> f = results.get(key);
      if (f != null) {
        out.put(r, f); // known: every keystroke asks again for the scripts it did not change
        continue;
      }
      CompletableFuture<Optional<List<ShellcheckComment>>> mine = new CompletableFuture<>();
      f = results.putIfAbsent(key, mine);
      if (f == null) {
        f = mine;
        Optional<List<ShellcheckComment>> stored = disk().flatMap(d -> d.get(key));
        if (stored.isPresent()) {
          mine.complete(stored);
        } else {
          owned.computeIfAbsent(r.dialect(), d -> new ArrayList<>()).add(new Pending(key, r, mine));
        }
      }
      out.put(r, f);
    }
    for (List<Pending> all : owned.values()) {
      for (int i = 0; i < all.size(); i += BATCH) {
        List<Pending> batch = List.copyOf(all.subList(i, Math.min(all.size(), i + BATCH)));
        POOL.execute(() -> runBatch(batch));
      }
    }
    return out;
  }

  /**
   * A batch that could not be checked: its scripts not answered yet get no findings, and are
   * forgotten so that a later lint tries again.
   */
  private void fail(List<Pending> batch, String reason) {
    for (Pending p : batch) {
      if (!p.result().isDone()) {
        failures.put(p.key(), reason);
        results.remove(p.key(), p.result());
        p.result().complete(Optional.empty());
      }
    }
  }

  /** Why a request got no findings, when its batch failed. */
  public Optional<String> failure(ShellcheckRequest r) {
    return Optional.ofNullable(failures.get(r.key()));
  }

  /** One shellcheck process over a batch of scripts of one dialect; completes their futures. */
  private void runBatch(List<Pending> batch) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("dockerlint-shellcheck");
      List<String> cmd = new ArrayList<>();
      cmd.add(executable.get().toString());
      cmd.add("--norc");
      cmd.add("-f");
      cmd.add("json1");
      cmd.add("-s");
      cmd.add(batch.get(0).request().dialect());
      cmd.add("-e");
      cmd.add(String.join(",", EXCLUDED));
      Map<String, Pending> ofFile = new LinkedHashMap<>();
      int n = 0;
      for (Pending e : batch) {
        String name = "s" + (n++) + ".sh";
        Files.writeString(dir.resolve(name), e.request().script(), StandardCharsets.UTF_8);
        ofFile.put(name, e);
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
        fail(batch, "shellcheck did not finish within " + TIMEOUT_SECONDS + " seconds");
        return;
      }
      if (p.exitValue() > 1) {
        fail(batch, "shellcheck failed with exit code " + p.exitValue());
        return;
      }
      Map<String, List<ShellcheckComment>> found = new LinkedHashMap<>();
      ofFile.keySet().forEach(f -> found.put(f, new ArrayList<>()));
      JsonNode root = JSON.readTree(out.toFile());
      for (JsonNode c : root.path("comments")) {
        List<ShellcheckComment> l = found.get(c.path("file").asText());
        if (l != null) {
          l.add(ShellcheckComment.fromJson(c));
        }
      }
      found.forEach(
          (file, comments) -> {
            Pending done = ofFile.get(file);
            failures.remove(done.key());
            disk().ifPresent(d -> d.put(done.key(), comments));
            done.result().complete(Optional.of(List.copyOf(comments)));
          });
    } catch (IOException e) {
      fail(batch, "cannot run shellcheck: " + e.getMessage());
    } catch (InterruptedException e) {
      fail(batch, "interrupted");
      Thread.currentThread().interrupt();
    } finally {
      fail(batch, "shellcheck's answer could not be read");
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
