package dev.dockerlint.shellcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.dockerlint.image.cache.CacheWarnings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * ShellCheck's findings on disk, under {@code shellcheck-v1/} of dockerlint's cache directory
 * ({@code $XDG_CACHE_HOME/dockerlint}), one file per script named by its {@link
 * ShellcheckRequest#key()}, in a folder per ShellCheck version and excluded codes: a script that an
 * earlier run checked is not checked again (CI reruns, pre-commit, the editor after a restart).
 * Files are written to a temporary name and moved into place, so readers never see half a file; a
 * file that cannot be read is a miss, and a cache that cannot be written only makes the next run
 * slower (both are kept as {@link CacheWarnings}).
 */
final class ShellcheckDiskCache {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;

  /** The cache for the ShellCheck {@code version} under {@code root}. */
  ShellcheckDiskCache(Path root, String version) {
    this.dir =
        root.resolve("shellcheck-v1")
            .resolve(sha256(version + " -e " + String.join(",", ShellcheckRunner.EXCLUDED)));
  }

  /** The findings an earlier run stored for the script, when there are any. */
  Optional<List<ShellcheckComment>> get(String key) {
    Path f = file(key);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      JsonNode root = JSON.readTree(f.toFile());
      if (root == null || !root.isArray()) {
        throw new IOException("not a JSON array");
      }
      List<ShellcheckComment> comments = new ArrayList<>(root.size());
      root.forEach(c -> comments.add(ShellcheckComment.fromJson(c)));
      return Optional.of(List.copyOf(comments));
    } catch (IOException e) {
      CacheWarnings.report("cannot read cached ShellCheck findings " + f + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  /** Stores the findings of a script. */
  void put(String key, List<ShellcheckComment> comments) {
    Path f = file(key);
    try {
      Files.createDirectories(f.getParent());
      Path tmp = Files.createTempFile(f.getParent(), key, ".tmp");
      ArrayNode array = JSON.createArrayNode();
      comments.forEach(c -> array.add(c.toJson()));
      JSON.writeValue(tmp.toFile(), array);
      Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      CacheWarnings.report("cannot cache ShellCheck findings in " + f + ": " + e.getMessage());
    }
  }

  private Path file(String key) {
    return dir.resolve(key.substring(0, 2)).resolve(key + ".json");
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)))
          .substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
