package dev.dockerlint.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Debian binaries {@code .ci/fixtures.sh} unpacks: static busybox for amd64, arm64 and armhf,
 * static bash, a glibc dynamic {@code hello} with its loader, the musl loader. Found through {@code
 * $DOCKERLINT_FIXTURES} (default {@code ~/.cache/dockerlint-fixtures}) and its {@code
 * manifest.tsv}.
 */
public final class Fixtures {

  /** Where the fixtures are when {@code DOCKERLINT_FIXTURES} is unset. */
  public static final Path DEFAULT_DIRECTORY =
      Path.of(System.getProperty("user.home"), ".cache", "dockerlint-fixtures");

  /**
   * One file of an unpacked package.
   *
   * @param key e.g. {@code busybox.arm64}
   * @param debianPackage e.g. {@code busybox-static}
   * @param version the Debian version unpacked
   * @param debianArchitecture Debian's name: {@code amd64}, {@code arm64}, {@code armhf}
   * @param imagePath where the package installs it, e.g. {@code /bin/busybox}; for a loader the
   *     path ELF binaries name as their interpreter
   * @param file the regular file on this machine
   * @param sha256 its digest as the manifest records it
   */
  public record Fixture(
      String key,
      String debianPackage,
      String version,
      String debianArchitecture,
      String imagePath,
      Path file,
      String sha256) {

    /** The file's bytes. */
    public byte[] bytes() {
      try {
        return Files.readAllBytes(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read fixture " + file, e);
      }
    }
  }

  private final Path directory;
  private final Map<String, Fixture> fixtures;

  private Fixtures(Path directory, Map<String, Fixture> fixtures) {
    this.directory = directory;
    this.fixtures = Map.copyOf(fixtures);
  }

  /**
   * Reads the manifest in {@code $DOCKERLINT_FIXTURES} (or the default directory).
   *
   * @throws ServiceUnavailableException if it or a file it lists is missing
   */
  public static Fixtures locate(TestEnvironment environment) {
    Path directory = environment.get("DOCKERLINT_FIXTURES").map(Path::of).orElse(DEFAULT_DIRECTORY);
    return read(directory);
  }

  static Fixtures read(Path directory) {
    Path manifest = directory.resolve("manifest.tsv");
    if (!Files.isRegularFile(manifest)) {
      throw new ServiceUnavailableException(
          "no fixtures: " + manifest + " does not exist; run .ci/fixtures.sh");
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + manifest, e);
    }
    Map<String, Fixture> fixtures = new LinkedHashMap<>();
    for (String line : lines) {
      if (line.startsWith("#") || line.startsWith("key\t") || line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 7) {
        throw new IllegalStateException("bad line in " + manifest + ": " + line);
      }
      Path file = directory.resolve(f[5]);
      if (!Files.isRegularFile(file)) {
        throw new ServiceUnavailableException(
            "fixture " + f[0] + " is missing: " + file + "; run .ci/fixtures.sh");
      }
      fixtures.put(f[0], new Fixture(f[0], f[1], f[2], f[3], f[4], file, f[6]));
    }
    return new Fixtures(directory, fixtures);
  }

  /** The directory the fixtures are in. */
  public Path directory() {
    return directory;
  }

  /** A fixture by key, e.g. {@code hello.arm64}. */
  public Optional<Fixture> find(String key) {
    return Optional.ofNullable(fixtures.get(key));
  }

  /**
   * A fixture by key.
   *
   * @throws IllegalArgumentException if the manifest has no such key
   */
  public Fixture get(String key) {
    return find(key)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no fixture " + key + " in " + directory + "; keys: " + fixtures.keySet()));
  }

  /** Static busybox of a Debian architecture ({@code amd64}, {@code arm64}, {@code armhf}). */
  public Fixture busybox(String debianArchitecture) {
    return get("busybox." + debianArchitecture);
  }

  /**
   * A layer with static busybox of a Debian architecture at {@code /bin/busybox} (mode 0755) and
   * {@code /bin/sh -> busybox}: the smallest image that has a shell.
   */
  public Layer busyboxLayer(String debianArchitecture) {
    return Layer.builder()
        .directory("/bin", 0755)
        .copy("/bin/busybox", busybox(debianArchitecture).file(), 0755)
        .symlink("/bin/sh", "busybox")
        .build();
  }
}
